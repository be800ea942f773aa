import { Alert, Button, Drawer, Progress, Space, Table, Tag, Typography } from 'antd';
import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { REPORTED_STATUS_LABELS } from '../../../../shared/domain/progress';
import { describeProblem } from '../../../../shared/xlsx/errors';
import { answeredProblemRows } from '../../../../shared/xlsx/form-items';
import type { FormPreview, FormRow } from '../../../../shared/xlsx/dept-form';
import type { FileOutcome, ImportProgress } from './use-form-import';
import { ProblemRowsPreview } from './ProblemRowsPreview';
import { formRowColumns } from './form-row-columns';

const STATUS = { new: <Tag color="green">新进展</Tag>, unchanged: <Tag>已导入过</Tag>, empty: <Tag color="default">未填写</Tag>, error: <Tag color="red">不导入</Tag> } as const;

interface Props {
  title: string;
  outcomes: FileOutcome[];
  progress: ImportProgress | null;
  busy: boolean;
  onAddFiles: () => void;
  onAddFolder: () => void;
  onConfirm: () => void;
  onClose: () => void;
}

/** The preview of returned forms: each file under its own name, recorded rows or why it was refused. */
export function FormImportDrawer({ title, outcomes, progress, busy, onAddFiles, onAddFolder, onConfirm, onClose }: Props) {
  const previews = outcomes.flatMap((o) => (o.preview ? [o.preview] : []));
  const refused = outcomes.filter((o) => o.refusal !== undefined);
  const total = previews.reduce((s, p) => s + p.counts.new, 0);
  const answered = answeredProblemRows(previews);
  return (
    <Drawer
      open={outcomes.length > 0 || progress !== null}
      width={1100}
      onClose={onClose}
      title={title}
      data-testid="form-import-preview"
      destroyOnClose
      extra={
        <Space>
          <Button icon={<UploadOutlined />} onClick={onAddFiles} disabled={!!progress}>
            添加文件
          </Button>
          <Button icon={<FolderOpenOutlined />} onClick={onAddFolder} disabled={!!progress}>
            添加文件夹
          </Button>
          <Button type="primary" disabled={total + answered === 0 || !!progress} loading={busy} onClick={onConfirm} data-testid="confirm-form-import">
            确认导入 {total} 条进展{answered ? `、${answered} 条问题处理进展` : ''}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {progress && (
          <div role="status" data-testid="form-import-progress">
            <Typography.Text>
              正在读取 {progress.done}/{progress.total}：{progress.name}
            </Typography.Text>
            <Progress percent={Math.round(((progress.done - 1) / progress.total) * 100)} size="small" />
          </div>
        )}
        {outcomes.length > 0 && (
          <Alert
            type={refused.length ? 'warning' : 'info'}
            data-testid="form-import-overview"
            message={`共 ${outcomes.length} 个文件：可导入 ${previews.length} 个（新进展 ${total} 条），已拒绝 ${refused.length} 个${refused.length ? `：${refused.map((o) => o.name).join('、')}` : ''}。确认前不会写入。`}
          />
        )}
        {outcomes.map((o) => (
          <section key={o.name} data-testid="form-import-file" aria-label={o.name} style={{ marginTop: 8 }}>
            <Typography.Title level={5} style={{ margin: '0 0 6px' }}>
              {o.name} {o.refusal !== undefined ? <Tag color="red">已拒绝</Tag> : <Tag color={o.preview.counts.new ? 'green' : 'default'}>新进展 {o.preview.counts.new} 条</Tag>}
            </Typography.Title>
            {o.refusal !== undefined ? <Alert type="error" showIcon data-testid="form-import-refusal" message={o.refusal} /> : <FilePreview preview={o.preview} />}
          </section>
        ))}
        {outcomes.length > 0 && <Typography.Text type="secondary">可继续添加文件或文件夹（也可直接拖到本页），一次确认导入多个单位的填报表。</Typography.Text>}
      </Space>
    </Drawer>
  );
}

function FilePreview({ preview: p }: { preview: FormPreview }) {
  return (
    <>
      <Alert
        type={p.counts.error ? 'warning' : 'info'}
        showIcon
        data-testid="form-import-summary"
        message={`${p.fileName}：${p.departmentName}，新进展 ${p.counts.new} 条，已导入过 ${p.counts.unchanged} 条，未填写 ${p.counts.empty} 行，不导入 ${p.counts.error} 行。`}
        description={p.problems.map(describeProblem).join('；') || undefined}
      />
      {p.rows.some((r) => r.status !== 'empty') && (
        <Table<FormRow>
          size="small"
          rowKey="row"
          pagination={false}
          dataSource={p.rows.filter((r) => r.status !== 'empty')}
          columns={[
            { title: '行', dataIndex: 'row', width: 50 },
            { title: '任务/项目', dataIndex: 'label', width: 300 },
            { title: '结果', width: 90, render: (_, r) => STATUS[r.status] },
            { title: '完成', width: 60, render: (_, r) => (r.entry ? `${r.entry.percent}%` : '') },
            { title: '状态', width: 70, render: (_, r) => (r.entry ? REPORTED_STATUS_LABELS[r.entry.status] : '') },
            { title: '本月进展 / 问题', render: (_, r) => (r.entry ? r.entry.thisMonth : r.problems.map((x) => `${x.column ? `${x.column}：` : ''}${x.message}`).join('；')) },
            ...formRowColumns(p),
          ]}
        />
      )}
      <ProblemRowsPreview rows={p.problemRows} />
    </>
  );
}
