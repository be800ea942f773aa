import { useEffect, useState } from 'react';
import type { PlanData } from '../../../shared/views/plan-data';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { parseStamp } from '../../../shared/sync/hlc';
import { TABLE_LABELS } from '../../../shared/views/table-labels';
import { binRows, restoreChange, type BinRow } from '../../../shared/app/bin/bin';
import { useAppState } from '../app/store';
import { useCommit } from '../app/use-commit';
import { Excerpt } from '../components/Excerpt';
import { formatMomentZh } from '../../../shared/domain/time';

/** Deleted records, newest first; each can be put back. */
export function BinPage({ plan }: { plan: PlanData }) {
  const workspace = useAppState((s) => s.workspace);
  const commit = useCommit();
  const [rows, setRows] = useState<BinRow[]>([]);

  useEffect(() => {
    if (!workspace) return;
    let live = true;
    void binRows(workspace.records, plan.office.code).then((found) => live && setRows(found));
    return () => {
      live = false;
    };
  }, [workspace, plan]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        回收站
      </Typography.Title>
      <Typography.Text type="secondary">删除的记录保留在这里，随时可以恢复；与其他电脑交换数据时，删除也会同步过去。</Typography.Text>
      {rows.length === 0 ? (
        <Empty description="回收站是空的" />
      ) : (
        <Table<BinRow>
          rowKey={(r) => `${r.table}:${r.id}`}
          dataSource={rows}
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="bin-table"
          columns={[
            { title: '类型', width: 80, render: (_, r) => <Tag>{TABLE_LABELS[r.table]}</Tag> },
            { title: '内容', render: (_, r) => <Excerpt text={r.label} /> },
            { title: '删除时间', width: 170, render: (_, r) => formatMomentZh(new Date(parseStamp(r.deletedAt).millis).toISOString()) },
            {
              title: '',
              width: 90,
              render: (_, r) => (
                <Button size="small" onClick={() => commit(restoreChange(r), `已恢复：${r.name}`)}>
                  恢复
                </Button>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
