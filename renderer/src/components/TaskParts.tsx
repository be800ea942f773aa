import { List, Typography } from 'antd';
import type { PlanData } from '../../../shared/views/plan-data';
import type { TaskPart } from '../../../shared/domain/task';
import { nameLookup } from '../../../shared/views/lookups';
import { DeadlineText } from './DeadlineText';

/** The 分项 of a task whose plan gives sub-items their own units, leaders and deadlines. */
export function TaskParts({ parts, plan }: { parts: readonly TaskPart[]; plan: PlanData }) {
  const dept = nameLookup(plan.departments);
  const leader = nameLookup(plan.leaders);
  return (
    <List
      size="small"
      bordered
      style={{ marginBottom: 12 }}
      header={<Typography.Text strong>分项（{parts.length}）</Typography.Text>}
      dataSource={[...parts]}
      data-testid="task-parts"
      renderItem={(p, i) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 4 }}>
              {i + 1}. {p.text}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.leaderIds.length > 0 && `责任领导：${p.leaderIds.map(leader).join("、")} · `}
              牵头：{p.leads.map((l) => dept(l.departmentId)).join('、') || '—'}
              {p.participants.length > 0 && ` · 配合：${p.participants.map((x) => dept(x.departmentId)).join('、')}`}
            </Typography.Text>
            <DeadlineText deadline={p.deadline} />
          </div>
        </List.Item>
      )}
    />
  );
}
