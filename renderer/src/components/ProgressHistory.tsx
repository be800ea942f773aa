import { Empty, Tag, Timeline, Typography } from 'antd';
import { REPORTED_STATUS_LABELS, type ProgressEntry } from '../../../shared/domain/progress';
import { formatMomentZh, formatPeriodZh } from '../../../shared/domain/time';
import { Excerpt } from './Excerpt';

/** Earlier months' reports, newest first; a corrected month shows its latest report. */
export function ProgressHistory({ entries }: { entries: readonly ProgressEntry[] }) {
  if (!entries.length) return <Empty description="尚无进展记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="progress-history"
      items={entries.map((e) => ({
        key: e.id,
        children: (
          <div>
            <Typography.Text strong>{formatPeriodZh(e.period)}</Typography.Text> <Tag>{REPORTED_STATUS_LABELS[e.status]}</Tag>
            <Tag color="blue">{e.percent}%</Tag>
            {e.investmentToDate && <Tag>累计投资 {e.investmentToDate} 万元</Tag>}
            <div>
              本月进展：{e.thisMonth ? <Excerpt text={e.thisMonth} /> : '—'}
            </div>
            {e.problems && (
              <div>
                存在问题：<Excerpt text={e.problems} />
              </div>
            )}
            {e.nextSteps && (
              <div>
                下步计划：<Excerpt text={e.nextSteps} />
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.reportedBy || '未署名'} · {formatMomentZh(e.reportedAt)}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
