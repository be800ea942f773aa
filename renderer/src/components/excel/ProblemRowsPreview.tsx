import { Table, Tag, Typography } from 'antd';
import type { ProblemRowReading } from '../../../../shared/xlsx/form-problems';

const RESULT: Record<ProblemRowReading['status'], JSX.Element> = {
  new: <Tag color="green">记录</Tag>,
  unchanged: <Tag>已导入过</Tag>,
  empty: <Tag>未填写</Tag>,
  error: <Tag color="red">不导入</Tag>,
};

/** The 问题整改 rows of one returned form: each filled row a follow-up of its problem (销号 stays with the office). */
export function ProblemRowsPreview({ rows }: { rows: readonly ProblemRowReading[] }) {
  const filled = rows.filter((r) => r.status !== 'empty');
  if (!filled.length) return null;
  return (
    <div data-testid="form-import-problem-rows" style={{ marginTop: 8 }}>
      <Typography.Text strong>问题整改（{filled.length} 行）</Typography.Text>
      <Table<ProblemRowReading>
        size="small"
        rowKey="row"
        pagination={false}
        dataSource={filled}
        columns={[
          { title: '行', dataIndex: 'row', width: 50 },
          { title: '问题', dataIndex: 'label', width: 300 },
          { title: '结果', width: 90, render: (_, r) => RESULT[r.status] },
          { title: '是否解决', width: 80, render: (_, r) => (r.followUp ? (r.followUp.resolved ? '报已解决' : '未解决') : '') },
          { title: '处理进展 / 问题', render: (_, r) => (r.status === 'new' && r.followUp ? r.followUp.text : r.problems.map((x) => `${x.column ? `${x.column}：` : ''}${x.message}`).join('；')) },
        ]}
      />
    </div>
  );
}
