import { useEffect, useState } from 'react';
import { Alert, Button, Card, Radio, Space, Typography } from 'antd';
import { SEEDED_PLANS, DEFAULT_OFFICE_CODE, seededPlan } from '../../../seeds';
import { loadSeedPlan, type PlanRecords } from '../../../shared/seed/load-seed';
import { useLedger } from '../app/store';
import { ExcelSetupCard } from '../components/excel/ExcelSetupCard';

/** First run: which office is this laptop, and what plan does it start from. */
export function SetupPage() {
  const setUp = useLedger((s) => s.setUp);
  const [code, setCode] = useState(DEFAULT_OFFICE_CODE);
  const [source, setSource] = useState<'seed' | 'empty'>('seed');
  const [preview, setPreview] = useState<PlanRecords | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setPreview(null);
    seededPlan(code)
      ?.load()
      .then((raw) => live && setPreview(loadSeedPlan(raw)))
      .catch((e: unknown) => live && setError(`预置方案无法读取：${e instanceof Error ? e.message : String(e)}`));
    return () => {
      live = false;
    };
  }, [code]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await setUp(code, source);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720, margin: '48px auto', padding: '0 16px' }}>
      <Typography.Title level={2}>无废城市建设台账</Typography.Title>
      <Typography.Paragraph type="secondary">首次使用：请选择本机所属的无废办。数据只保存在这台电脑上，无需联网。</Typography.Paragraph>
      <Card title="1. 本单位" style={{ marginBottom: 16 }}>
        <Radio.Group value={code} onChange={(e) => setCode(e.target.value as string)}>
          <Space direction="vertical">
            {SEEDED_PLANS.map((p) => (
              <Radio key={p.code} value={p.code} data-testid={`office-${p.code}`}>
                {p.name}无废办 <Typography.Text type="secondary">（{p.level === 'city' ? '市级' : `旗区级，隶属${p.parentName}`}，区划代码 {p.code}）</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Card>
      <Card title="2. 初始数据" style={{ marginBottom: 16 }}>
        <Radio.Group value={source} onChange={(e) => setSource(e.target.value as 'seed' | 'empty')}>
          <Space direction="vertical">
            <Radio value="seed">
              载入已发布的实施方案（推荐）
              {preview && (
                <Typography.Text type="secondary" data-testid="seed-preview">
                  ：{preview.tasks.length} 项任务、{preview.projects.length} 个项目、{preview.indicators.length} 项指标
                </Typography.Text>
              )}
            </Radio>
            <Radio value="empty">空白台账（以后自行录入）</Radio>
          </Space>
        </Radio.Group>
      </Card>
      {error && <Alert type="error" showIcon message="无法完成设置" description={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" size="large" loading={busy} disabled={!preview} onClick={start}>
        开始使用
      </Button>
      <div style={{ marginTop: 24 }}>
        <ExcelSetupCard />
      </div>
    </div>
  );
}
