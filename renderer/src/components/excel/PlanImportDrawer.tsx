import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import type { PlanImportPreview, PreviewRow, BuildChoices } from '../../../../shared/xlsx/plan-import';
import { describeProblem } from '../../../../shared/xlsx/errors';
import type { Department } from '../../../../shared/domain/department';
import type { ColumnChoices } from '../../../../shared/xlsx/plan-import-columns';
import { ColumnChoiceTable } from './ColumnChoiceTable';

const KIND = { tasks: '任务', projects: '项目', indicators: '指标' } as const;
const STATUS = { new: <Tag color="green">新增</Tag>, existing: <Tag>已有，跳过</Tag>, error: <Tag color="red">有错误</Tag> } as const;

/**
 * What an Excel plan will import, row by row, before anything is written: every problem with
 * its sheet, row and column; unknown units to map to the directory or add; an explicit choice to
 * import only the valid rows when some rows have errors. Each doubt is shown at its row; columns
 * whose header was not recognised can be given a meaning (onColumns re-reads the file).
 */
export function PlanImportDrawer(props: {
  preview: PlanImportPreview | null;
  departments: readonly Department[];
  busy: boolean;
  onClose: () => void;
  onConfirm: (choices: BuildChoices) => void;
  onColumns?: (columns: ColumnChoices) => void;
}) {
  const { preview, departments, busy, onClose, onConfirm, onColumns } = props;
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [validOnly, setValidOnly] = useState(false);
  const options = useMemo(() => [{ value: 'new', label: '新增到单位名录' }, ...departments.map((d) => ({ value: d.id, label: `对应：${d.name}` }))], [departments]);
  if (!preview) return null;
  const c = preview.counts;
  const blocked = c.error > 0 && !validOnly;
  return (
    <Drawer open width={1100} title={`导入预览：${preview.fileName}`} onClose={onClose} data-testid="plan-import-preview" destroyOnClose
      extra={
        <Space>
          {c.error > 0 && (
            <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} data-testid="valid-only">
              只导入无误的 {c.new} 行
            </Checkbox>
          )}
          <Button type="primary" loading={busy} disabled={blocked || c.new === 0} onClick={() => onConfirm({ mapping: { ...Object.fromEntries(preview.unknownDepartments.map((u) => [u.name, u.suggestion ?? 'new'])), ...mapping }, validOnly })}>
            确认导入 {c.new} 行
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type={c.error ? 'error' : c.warnings ? 'warning' : 'success'}
          showIcon
          data-testid="plan-import-summary"
          message={`读到 ${preview.sheets.map((s) => `「${s.name}」${KIND[s.kind]} ${s.rows} 行（表头第 ${s.headerRow} 行）`).join('，')}：新增 ${c.new} 行，已有 ${c.existing} 行，错误 ${c.error} 行，提示 ${c.warnings} 条。确认前不会写入任何内容。`}
          description={preview.skippedSheets.length ? `未识别的工作表（跳过）：${preview.skippedSheets.join('、')}` : undefined}
        />
        {onColumns && <ColumnChoiceTable preview={preview} onColumns={onColumns} />}
        {preview.problems.map((p, i) => (
          <Alert key={i} type={p.level === 'error' ? 'error' : 'warning'} showIcon message={describeProblem(p)} />
        ))}
        {preview.unknownDepartments.length > 0 && (
          <>
            <Typography.Title level={5}>名录中没有的单位（{preview.unknownDepartments.length} 个）</Typography.Title>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={preview.unknownDepartments}
              columns={[
                { title: '表中写法', dataIndex: 'name', width: 240, render: (n: string, u) => (u.similar.length && !u.suggestion ? <>{n}<div style={{ color: '#8a6d00' }}>名录中相近：{u.similar.join('、')}</div></> : n) },
                { title: '出现位置', render: (_, u) => u.where.slice(0, 3).join('、') + (u.where.length > 3 ? ` 等 ${u.where.length} 处` : '') },
                {
                  title: '处理',
                  width: 300,
                  render: (_, u) => (
                    <Select style={{ width: 280 }} showSearch optionFilterProp="label" value={mapping[u.name] ?? u.suggestion ?? 'new'} options={options} onChange={(v) => setMapping({ ...mapping, [u.name]: v })} aria-label={`处理 ${u.name}`} />
                  ),
                },
              ]}
            />
          </>
        )}
        <Table<PreviewRow>
          size="small"
          rowKey={(r) => `${r.sheet}:${r.row}`}
          dataSource={preview.rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: '工作表', dataIndex: 'sheet', width: 90 },
            { title: '行', width: 70, render: (_, r) => (r.lastRow > r.row ? `${r.row}—${r.lastRow}` : r.row) },
            { title: '类别', width: 60, render: (_, r) => KIND[r.kind] },
            { title: '导入为', dataIndex: 'label' },
            { title: '结果', width: 100, render: (_, r) => STATUS[r.status] },
            { title: '问题', width: 380, render: (_, r) => r.problems.map((p, i) => <div key={i} style={{ color: p.level === 'error' ? '#c00' : '#8a6d00' }}>{p.column ? `${p.column}：` : ''}{p.message}</div>) },
          ]}
        />
      </Space>
    </Drawer>
  );
}
