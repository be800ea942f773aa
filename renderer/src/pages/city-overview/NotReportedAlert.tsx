import { Alert, Space, Tag, Tooltip } from 'antd';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { CountySummary } from '../../../../shared/views/city-overview';

/**
 * The counties that have not reported for the period (click one to open it), or that all have. A
 * county whose file arrived and was refused says so, with the reason: the clerk chases the right problem.
 */
export function NotReportedAlert({ missing, period, onOpen }: { missing: CountySummary[]; period: string; onOpen: (code: string) => void }) {
  const refused = missing.filter((r) => r.notImported);
  return missing.length > 0 ? (
    <Alert
      type="warning"
      showIcon
      data-testid="not-reported"
      style={{ padding: '4px 12px' }}
      message={
        <Space size={[4, 4]} wrap>
          <span>
            {formatPeriodZh(period)}未报送 {missing.length} 个{refused.length ? `（其中已收到但未导入 ${refused.length} 个）` : ''}：
          </span>
          {missing.map((r) =>
            r.notImported ? (
              <Tooltip key={r.code} title={`${r.notImported.fileName}：${r.notImported.reason}`}>
                <Tag color="gold" style={{ cursor: 'pointer' }} onClick={() => onOpen(r.code)} data-testid={`missing-${r.code}`}>
                  {r.name}（已收到但未导入：{r.notImported.reason.length > 24 ? `${r.notImported.reason.slice(0, 24)}…` : r.notImported.reason}）
                </Tag>
              </Tooltip>
            ) : (
              <Tag key={r.code} color="orange" style={{ cursor: 'pointer' }} onClick={() => onOpen(r.code)} data-testid={`missing-${r.code}`}>
                {r.name}
                {r.lastPeriodReceived ? `（最近报送 ${formatPeriodZh(r.lastPeriodReceived)}）` : '（尚未收到）'}
              </Tag>
            ),
          )}
        </Space>
      }
    />
  ) : (
    <Alert type="success" showIcon data-testid="not-reported" message={`各旗区均已报送${formatPeriodZh(period)}的交换文件`} />
  );
}
