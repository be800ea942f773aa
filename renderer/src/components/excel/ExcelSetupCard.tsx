import { useState } from 'react';
import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { DivisionCodeSchema } from '../../../../shared/domain/office';
import { writeSetting, WORKSPACE_KEY } from '../../../../shared/app/settings';
import { buildPlanImport, planRecordsOf, previewPlanImport, type BuildChoices, type PlanImportPreview } from '../../../../shared/xlsx/plan-import';
import { useLedger } from '../../app/store';
import { messageOf, openWorkbook } from './files';
import { PlanImportDrawer } from './PlanImportDrawer';

/** First run for an office with no seeded plan: its code and name, then its published Excel plan. */
export function ExcelSetupCard() {
  const workspace = useLedger((s) => s.workspace);
  const start = useLedger((s) => s.start);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<'county' | 'city'>('county');
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeOk = DivisionCodeSchema.safeParse(code).success;

  const pick = async () => {
    setError(null);
    try {
      const file = await openWorkbook();
      if (file) setPreview(previewPlanImport(file.workbook, { fileName: file.name, officeCode: code, existing: null }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const confirm = async (choices: BuildChoices) => {
    if (!preview || !workspace) return;
    setBusy(true);
    try {
      const built = buildPlanImport(preview, { fileName: preview.fileName, officeCode: code, existing: null }, { ...choices, mapping: {} });
      const parentCode = level === 'county' ? `${code.slice(0, 4)}00` : `${code.slice(0, 2)}0000`;
      await workspace.ledger.loadPlan(planRecordsOf(built, { code, name: name.trim(), level, parentCode }));
      await workspace.storage.transaction((tx) => writeSetting(tx, WORKSPACE_KEY, { officeCode: code, role: level, setupAt: new Date().toISOString() }));
      setPreview(null);
      await start();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Card title="或：本单位没有预置方案 —— 从 Excel 实施方案建立" style={{ marginBottom: 16 }} data-testid="excel-setup">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">填写本单位的行政区划代码和名称，再选择已发布的任务清单、项目清单或指标体系 Excel 文件（可含多个工作表）。导入前会先显示预览。</Typography.Text>
        <Space wrap>
          <Input style={{ width: 160 }} placeholder="区划代码，如 150621" value={code} onChange={(e) => setCode(e.target.value.trim())} aria-label="区划代码" status={code && !codeOk ? 'error' : undefined} />
          <Input style={{ width: 200 }} placeholder="单位名称，如 达拉特旗" value={name} onChange={(e) => setName(e.target.value)} aria-label="单位名称" />
          <Radio.Group value={level} onChange={(e) => setLevel(e.target.value as 'county' | 'city')}>
            <Radio value="county">旗区级</Radio>
            <Radio value="city">市级</Radio>
          </Radio.Group>
          <Button icon={<UploadOutlined />} disabled={!codeOk || !name.trim()} onClick={pick}>
            选择 Excel 文件
          </Button>
        </Space>
        {error && <Alert type="error" showIcon message="无法导入" description={error} />}
      </Space>
      <PlanImportDrawer preview={preview} departments={[]} busy={busy} onClose={() => setPreview(null)} onConfirm={confirm} />
    </Card>
  );
}
