import { useState } from 'react';
import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { DivisionCodeSchema } from '../../../../shared/domain/office';
import type { BuildChoices, PlanImportPreview } from '../../../../shared/xlsx/plan-import';
import type { ColumnChoices } from '../../../../shared/xlsx/plan-import-columns';
import type { Workbook } from '../../../../shared/xlsx/workbook';
import { loadXlsx } from './xlsx';
import { useAppState } from '../../app/store';
import { messageOf, openWorkbook } from './files';
import { PlanImportDrawer } from './PlanImportDrawer';

/** First run for an office with no seeded plan: its code and name, then its published Excel plan. */
export function ExcelSetupCard(props: { office?: { code: string; name: string; level: 'county' | 'city' } }) {
  const workspace = useAppState((s) => s.workspace);
  const start = useAppState((s) => s.start);
  const [typedCode, setCode] = useState('');
  const [typedName, setName] = useState('');
  const [typedLevel, setLevel] = useState<'county' | 'city'>('county');
  // The office chosen on the first-run screen, when there is one; otherwise typed here.
  const code = props.office?.code ?? typedCode;
  const name = props.office?.name ?? typedName;
  const level = props.office?.level ?? typedLevel;
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [workbook, setWorkbook] = useState<Workbook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeOk = DivisionCodeSchema.safeParse(code).success;

  const pick = async () => {
    setError(null);
    try {
      const file = await openWorkbook();
      if (!file) return;
      setWorkbook(file.workbook);
      setPreview((await loadXlsx()).previewPlanImport(file.workbook, { fileName: file.name, officeCode: code, existing: null }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  /** The clerk said what an unrecognised column holds: read the file again with that. */
  const reread = async (columns: ColumnChoices) => {
    if (!workbook || !preview) return;
    try {
      setPreview((await loadXlsx()).previewPlanImport(workbook, { fileName: preview.fileName, officeCode: code, existing: null, columns }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const confirm = async (choices: BuildChoices) => {
    if (!preview || !workspace) return;
    setBusy(true);
    try {
      const { buildPlanImport } = await loadXlsx();
      const built = buildPlanImport(preview, { fileName: preview.fileName, officeCode: code, existing: null }, { ...choices, mapping: {} });
      await workspace.setup.setUpFromExcel({ code, name, level }, built, preview.fileName);
      setPreview(null);
      await start();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Card title={props.office ? `从 Excel 实施方案建立：${props.office.name}` : '或：本单位没有预置方案 —— 从 Excel 实施方案建立'} style={{ marginBottom: 16 }} data-testid="excel-setup">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {props.office ? '' : '填写本单位的行政区划代码和名称，再'}选择已发布的任务清单、项目清单或指标体系 Excel 文件（可含多个工作表）。导入前会先显示预览。
        </Typography.Text>
        {!props.office && (
          <Space wrap>
          <Input style={{ width: 160 }} placeholder="区划代码，如 150621" value={code} onChange={(e) => setCode(e.target.value.trim())} aria-label="区划代码" status={code && !codeOk ? 'error' : undefined} />
          <Input style={{ width: 200 }} placeholder="单位名称，如 达拉特旗" value={name} onChange={(e) => setName(e.target.value)} aria-label="单位名称" />
          <Radio.Group value={level} onChange={(e) => setLevel(e.target.value as 'county' | 'city')}>
            <Radio value="county">旗区级</Radio>
            <Radio value="city">市级</Radio>
          </Radio.Group>
          </Space>
        )}
        <Button icon={<UploadOutlined />} disabled={!codeOk || !name.trim()} onClick={pick}>
          选择 Excel 文件
        </Button>
        {error && <Alert type="error" showIcon message="无法导入" description={error} />}
      </Space>
      <PlanImportDrawer preview={preview} departments={[]} busy={busy} onClose={() => setPreview(null)} onConfirm={confirm} onColumns={reread} />
    </Card>
  );
}
