import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { planById } from '../../../shared/domain/plan-period';
import { useAppState } from '../app/store';
import { logReadError } from '../app/read-errors';

/**
 * On the dashboard of a plan whose first years passed before this workspace existed: says plainly
 * that its history has not been entered yet, so years-old work is not read as news.
 */
export function CatchUpNotice() {
  const phase = useAppState((s) => s.phase);
  const workspace = useAppState((s) => s.workspace);
  const [pending, setPending] = useState(false);
  const plan = phase.kind === 'ready' ? planById(phase.all.office, phase.viewPlanId) : undefined;
  useEffect(() => {
    if (!workspace || !plan) return;
    let live = true;
    void workspace.catchUp
      .pending(plan)
      .then((p) => live && setPending(p))
      .catch(logReadError('补录记录'));
    return () => {
      live = false;
    };
  }, [workspace, plan, phase]);
  if (!plan || !pending) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="catch-up-notice"
      message={`本方案 ${plan.fromYear}—${new Date().getFullYear() - 1} 年的历史情况尚未补录`}
      description="下面的“已逾期”多是以前年份的任务，并不一定真的没有完成。请先补录已经完成的任务、项目状态和指标实际值。"
      action={
        <Button type="primary" onClick={() => (window.location.hash = '/catchup')} data-testid="open-catch-up">
          补录历史
        </Button>
      }
    />
  );
}
