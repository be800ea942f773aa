import { Alert, Space, Tag } from 'antd';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { BannerSummary } from '../../../../shared/ledger/city-overview';

/** The banners that have not reported for the period (click one to open it), or that all have. */
export function NotReportedAlert({ missing, period, onOpen }: { missing: BannerSummary[]; period: string; onOpen: (code: string) => void }) {
  return missing.length > 0 ? (
    <Alert
      type="warning"
      showIcon
      data-testid="not-reported"
      message={`本期未报送的旗区（${formatPeriodZh(period)}）：${missing.length} 个`}
      description={
        <Space size={[0, 4]} wrap>
          {missing.map((r) => (
            <Tag key={r.code} color="orange" style={{ cursor: 'pointer' }} onClick={() => onOpen(r.code)}>
              {r.name}
              {r.lastPeriodReceived ? `（最近报送 ${formatPeriodZh(r.lastPeriodReceived)}）` : '（尚未收到）'}
            </Tag>
          ))}
        </Space>
      }
    />
  ) : (
    <Alert type="success" showIcon data-testid="not-reported" message={`各旗区均已报送${formatPeriodZh(period)}的交换文件`} />
  );
}
