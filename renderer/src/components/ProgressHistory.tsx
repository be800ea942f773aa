import { Empty, Tag, Timeline, Typography } from 'antd';
import { REPORTED_STATUS_LABELS, type ProgressEntry } from '../../../shared/domain/progress';
import { formatDateZh, formatMomentZh, formatPeriodZh } from '../../../shared/domain/time';
import { reportRole, type ReportRole, type ReportUnits } from '../../../shared/domain/reporting-rule';
import { usePlan } from '../app/store';
import { Excerpt } from './Excerpt';

/** Whose report each entry is, in words: the unit, and 配合情况 for a participant's (reporting-rule.ts). */
function unitWords(e: ProgressEntry, units: ReportUnits | undefined, name: (id: string) => string | undefined): { who: string; role: ReportRole } {
  const role = units ? reportRole(e, units, (id) => name(id) !== undefined) : 'office';
  if (role === 'office') return { who: '无废办代报', role };
  return { who: name(e.departmentId as string) ?? '', role };
}

/** Earlier months' reports, newest first, each with its unit; a participant's is marked as its own 配合情况. */
export function ProgressHistory({ entries, units }: { entries: readonly ProgressEntry[]; units?: ReportUnits }) {
  const { departments } = usePlan();
  const names = new Map(departments.map((d) => [d.id, d.name]));
  if (!entries.length) return <Empty description="尚无进展记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="progress-history"
      items={entries.map((e) => ({
        key: e.id,
        children: (
          <div>
            <Typography.Text strong>{formatPeriodZh(e.period)}</Typography.Text> <Tag>{REPORTED_STATUS_LABELS[e.status]}</Tag>
            {(() => {
              const { who, role } = unitWords(e, units, (id) => names.get(id));
              return (
                <Tag color={role === 'lead' ? 'geekblue' : role === 'office' ? 'default' : 'gold'} data-testid="progress-unit">
                  {who}
                  {role === 'participant' ? ' · 配合情况（不计入任务进度）' : role === 'other' ? ' · 现非本任务单位，按无废办代报计' : ''}
                </Tag>
              );
            })()}
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
              {e.completionClaim ? `报告已于${formatDateZh(e.completionClaim.date)}完成，依据：${e.completionClaim.evidence} · ` : ''}
              填报人：{e.reportedBy || '未署名'} · {formatMomentZh(e.reportedAt)}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
