import { useState } from 'react';
import { Alert, Button } from 'antd';
import type { Period } from '../../../../shared/domain/ids';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { useAppState } from '../../app/store';
import { useProblemCandidates } from './use-problems';
import { RaiseProblemsModal } from './RaiseProblemsModal';

/**
 * “本月有 N 条存在问题尚未登记”: shown wherever the month's reports arrive or are followed (月度调度,
 * 问题清单, 数据交换 after a bundle) while some report's 存在问题 is not yet raised; it opens the one
 * dialog that raises the batch. Nothing is raised without the clerk.
 */
export function RaiseNotice({ period }: { period?: Period }) {
  const current = useAppState((s) => s.period);
  const month = period ?? current;
  const phase = useAppState((s) => s.phase);
  const candidates = useProblemCandidates(month);
  const [open, setOpen] = useState(false);
  if (phase.kind !== 'ready' || (candidates.length === 0 && !open)) return null;
  const readOnly = phase.all.office.plans?.find((p) => p.id === phase.viewPlanId)?.status === 'closed';
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="raise-notice"
        message={`本月（${formatPeriodZh(month)}）有 ${candidates.length} 条存在问题尚未登记`}
        description="各单位报送的“存在问题”须经无废办确认后才列入问题清单，按时限跟踪销号。"
        action={
          readOnly ? undefined : (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="open-raise">
              登记问题
            </Button>
          )
        }
      />
      <RaiseProblemsModal open={open} candidates={candidates} departments={phase.all.departments} officeCode={phase.settings.officeCode} onClose={() => setOpen(false)} />
    </>
  );
}
