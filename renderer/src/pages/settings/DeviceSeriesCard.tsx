import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, InputNumber, Space, Typography } from 'antd';
import type { RegisterPeer } from '../../../../shared/app/printing/issued-sheets';
import type { Office } from '../../../../shared/domain/office';
import { defaultPrintSettings, formatSheetNumber } from '../../../../shared/print/sheet-number';
import { useIssuedSheets } from '../../components/print/use-print';
import { messageOf } from '../../app/error-text';

/** 设置 → 本机: this laptop's 本机编号, which keeps the numbers of an office's laptops apart. */
export function DeviceSeriesCard({ office }: { office: Pick<Office, 'name' | 'shortName'> }) {
  const { message } = AntApp.useApp();
  const register = useIssuedSheets();
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const [same, setSame] = useState<RegisterPeer[]>([]);
  const [pattern, setPattern] = useState(() => defaultPrintSettings(office).patterns.assignment);

  useEffect(() => {
    if (!register) return;
    void Promise.all([register.series(), register.sameSeriesPeers(), register.settings(office)])
      .then(([series, peers, settings]) => {
        setPattern(settings.patterns.assignment);
        setSaved(series);
        setValue(series);
        setSame(peers);
      })
      .catch((e: unknown) => message.error(`无法读取本机编号：${messageOf(e)}`));
  }, [register, message, office]);

  const save = async () => {
    if (!register || value === null) return;
    try {
      await register.saveSeries(value);
      setSaved(value);
      setSame(await register.sameSeriesPeers());
      message.success(`本机编号已改为 ${value}`);
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const example = (k: number) => formatSheetNumber(pattern, new Date().getFullYear(), 5, k);
  return (
    <Card title="本机" size="small" data-testid="device-series">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <span>本机编号</span>
          <InputNumber aria-label="本机编号" min={1} max={99} precision={0} value={value} onChange={(v) => setValue(v)} />
          <Button type="primary" disabled={value === null || value === saved} onClick={() => void save()}>
            保存
          </Button>
        </Space>
        <Typography.Text type="secondary">
          本单位只用一台电脑时保持 1。几台电脑都打印交办单、督办单时，每台设不同的编号：1 号机的文号如 {example(1)}，{value && value > 1 ? `本机（${value} 号）` : '2 号机'}的文号如{' '}
          {example(value && value > 1 ? value : 2)}，各台电脑分开打印也不会重号。
        </Typography.Text>
        {same.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={`本单位另有 ${same.length} 台电脑的本机编号也是 ${saved ?? ''}`}
            description="两台电脑编号相同，分开打印时文号会重复。请把其中一台改为其他编号（如 2），保存后再打印。"
          />
        )}
      </Space>
    </Card>
  );
}
