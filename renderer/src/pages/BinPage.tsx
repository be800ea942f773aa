import { useEffect, useState } from 'react';
import type { PlanData } from '../../../shared/ledger/plan-data';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { parseStamp } from '../../../shared/sync/hlc';
import { TABLE_LABELS } from '../../../shared/ledger/table-labels';
import type { RecordTable } from '../../../shared/app/change';
import { useLedger } from '../app/store';
import { useCommit } from '../app/use-commit';
import { namedRecord } from '../../../shared/ledger/record-label';
import { Excerpt } from '../components/Excerpt';
import { formatMomentZh } from '../../../shared/domain/time';

interface BinRow {
  table: RecordTable;
  id: string;
  /** The record with what it belongs to and, for a report, its text. */
  label: string;
  /** The same without a report's text, for messages. */
  name: string;
  deletedAt: string;
}

const BIN_TABLES: RecordTable[] = ['tasks', 'projects', 'indicators', 'departments', 'leaders', 'progress', 'indicatorValues', 'problems'];

/** Deleted records, newest first; each can be put back. */
export function BinPage({ plan }: { plan: PlanData }) {
  const workspace = useLedger((s) => s.workspace);
  const commit = useCommit();
  const [rows, setRows] = useState<BinRow[]>([]);

  useEffect(() => {
    if (!workspace) return;
    let live = true;
    void (async () => {
      // A report or a value is named by its task, project or indicator, found among live and deleted records.
      const lookup = await workspace.ledger.lookup(plan.office.code);
      const lists = await Promise.all(
        BIN_TABLES.map(async (table) =>
          (await workspace.ledger.deleted(table, plan.office.code)).map((d) => ({ table, id: d.record.id, label: namedRecord(d.record as Record<string, unknown>, table, lookup), name: namedRecord(d.record as Record<string, unknown>, table, lookup, { withText: false }), deletedAt: d.deletedAt })),
        ),
      );
      if (live) setRows(lists.flat().sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)));
    })();
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
                <Button size="small" onClick={() => commit({ label: `恢复${TABLE_LABELS[r.table]} ${r.name}`, restores: [{ table: r.table, id: r.id }] }, `已恢复：${r.name}`)}>
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
