import type { ReactNode } from 'react';
import { Card, List, Space, Tag, Typography } from 'antd';

/** How many a card lists; the count in its title says how many there are in all. */
const SHOWN = 12;

export interface RecordListItem {
  key: string;
  /** The record's name, a link when it opens the record. */
  name: string;
  open?: () => void;
  /** Who and why, under the name. */
  detail: string;
}

/**
 * One of 工作总览's lists (overdue tasks, tasks at risk, indicators behind, overdue projects…): a
 * title with its count, the first items with a line each on who and why, and what to say when
 * there are none.
 */
export function RecordListCard(props: { title: ReactNode; count: number; color: string; items: RecordListItem[]; empty: string; countPrefix?: string; extra?: ReactNode; testId?: string }) {
  const { title, count, color, items, empty, countPrefix = '', extra, testId } = props;
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <span>
          {title} <Tag color={color} data-testid={testId && `${testId}-count`}>
            {countPrefix}
            {count}
          </Tag>
          {extra}
        </span>
      }
    >
      <List
        size="small"
        dataSource={items.slice(0, SHOWN)}
        locale={{ emptyText: empty }}
        renderItem={(item) => (
          <List.Item key={item.key}>
            <Space direction="vertical" size={0}>
              {item.open ? <Typography.Link onClick={item.open}>{item.name}</Typography.Link> : <Typography.Text>{item.name}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.detail}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
