import { useEffect, useState } from 'react';
import { Alert, Button, Card, Radio, Space, Typography } from 'antd';
import { DEFAULT_OFFICE_CODE } from '../../../seeds';
import { divisionOf, divisionName } from '../../../shared/domain/divisions';
import { useAppState, useWorkspace } from '../app/store';
import type { SetupSource } from '../../../shared/app/setup/setup';
import { ExcelSetupCard } from '../components/excel/ExcelSetupCard';
import { OfficePicker } from './setup/OfficePicker';
import { useStartingPlan } from './setup/use-starting-plan';
import { messageOf } from '../app/error-text';
import { RestoreEntry } from './settings/RestoreEntry';

type Source = SetupSource | 'excel';

/** First run: which office is this laptop, and what plan does it start from. */
export function SetupPage() {
  const setUp = useAppState((s) => s.setUp);
  const [code, setCode] = useState(DEFAULT_OFFICE_CODE);
  const setup = useWorkspace().setup;
  const sources = setup.sources(code);
  const [source, setSource] = useState<Source>(sources[0]);
  const { preview, error: previewError } = useStartingPlan(code, source);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const division = divisionOf(code);

  // A new office starts from the best source it has: its own plan, else its city's.
  useEffect(() => setSource(setup.sources(code)[0]), [setup, code]);

  const start = async () => {
    if (source === 'excel') return;
    setBusy(true);
    setError(null);
    try {
      await setUp(code, source);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  const counts = preview && (
    <Typography.Text type="secondary" data-testid="seed-preview">
      ：{preview.tasks.length} 项任务、{preview.projects.length} 个项目、{preview.indicators.length} 项指标
    </Typography.Text>
  );

  return (
    <div style={{ maxWidth: 760, margin: '48px auto', padding: '0 16px' }}>
      <Typography.Title level={2}>无废城市建设台账</Typography.Title>
      <Typography.Paragraph type="secondary">首次使用：请选择本机所属的无废办。数据只保存在这台电脑上，无需联网。</Typography.Paragraph>
      <Card title="1. 本单位" style={{ marginBottom: 16 }}>
        <OfficePicker code={code} onChange={setCode} />
      </Card>
      <Card title={`2. 初始数据${division ? `：${division.name}` : ''}`} style={{ marginBottom: 16 }}>
        <Radio.Group value={source} onChange={(e) => setSource(e.target.value as Source)}>
          <Space direction="vertical">
            {sources.includes('seed') && (
              <Radio value="seed" data-testid="source-seed">
                载入已发布的实施方案（推荐）{source === 'seed' && counts}
              </Radio>
            )}
            {sources.includes('city') && division?.parentCode && (
              <Radio value="city" data-testid="source-city">
                从{divisionName(division.parentCode)}的方案开始：市级方案下达给各旗区的任务，逐项注明“市级下达”{source === 'city' && counts}
              </Radio>
            )}
            <Radio value="excel" data-testid="source-excel">
              从本单位已发布的 Excel 实施方案建立
            </Radio>
            <Radio value="empty" data-testid="source-empty">
              空白台账（以后自行录入或导入）{source === 'empty' && counts}
            </Radio>
          </Space>
        </Radio.Group>
      </Card>
      {(error || previewError) && <Alert type="error" showIcon message="无法完成设置" description={error ?? previewError} style={{ marginBottom: 16 }} />}
      {division && (
        // The office this laptop will sign its files as, said once more before the clerk starts.
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="setup-chosen"
          message={
            <span>
              本机将设为：<Typography.Text strong>{division.name}无废办</Typography.Text>（{division.level === 'city' ? '市级' : '旗区县级'}，{division.fullName}，区划代码 {division.code}）
            </span>
          }
        />
      )}
      {source === 'excel' && division ? (
        <ExcelSetupCard office={{ code: division.code, name: division.name, level: division.level }} />
      ) : (
        <Button type="primary" size="large" loading={busy} disabled={!preview} onClick={start}>
          开始使用
        </Button>
      )}
      <div style={{ marginTop: 32 }}>
        <RestoreEntry />
      </div>
    </div>
  );
}
