import { Select, Table, Typography } from 'antd';
import type { PlanImportPreview } from '../../../../shared/xlsx/plan-import';
import type { ColumnChoices } from '../../../../shared/xlsx/plan-import-columns';

/**
 * Header columns the import did not recognise, each with a choice of what it holds; choosing
 * re-reads the file with that meaning (onColumns).
 */
export function ColumnChoiceTable(props: { preview: PlanImportPreview; onColumns: (columns: ColumnChoices) => void }) {
  const { preview, onColumns } = props;
  const rows = preview.sheets.flatMap((s) => s.unrecognised.map((u) => ({ ...u, sheet: s.name, fields: s.fields, key: `${s.name}:${u.col}` })));
  if (!rows.length) return null;
  const choose = (sheet: string, col: number, field: string) => onColumns({ ...preview.columns, [sheet]: { ...preview.columns[sheet], [col]: field } });
  return (
    <div data-testid="column-choices">
      <Typography.Title level={5}>未识别的列（{rows.length} 列）：请选择该列的内容，未选择的列不导入</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 120 },
          { title: '列', dataIndex: 'letter', width: 50 },
          { title: '表头', dataIndex: 'header' },
          {
            title: '该列是',
            width: 300,
            render: (_, r) => (
              <Select
                style={{ width: 280 }}
                value={r.chosen ?? ''}
                aria-label={`${r.sheet} ${r.letter} 列（${r.header}）是`}
                options={[{ value: '', label: '不导入' }, ...r.fields]}
                onChange={(v: string) => choose(r.sheet, r.col, v)}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
