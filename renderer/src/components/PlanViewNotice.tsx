import { Alert, Button } from 'antd';
import { planById, planLabel, PLAN_STATUS_LABELS } from '../../../shared/domain/plan-period';
import { useAppState } from '../app/store';

/** When another plan period than the one in force is shown: which, whether read-only, and the way back. */
export function PlanViewNotice() {
  const phase = useAppState((s) => s.phase);
  const viewPlan = useAppState((s) => s.viewPlan);
  if (phase.kind !== 'ready') return null;
  const office = phase.all.office;
  const shown = planById(office, phase.viewPlanId);
  if (!shown || shown.id === office.currentPlanId) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="plan-view-notice"
      message={`正在查看 ${planLabel(shown)}（${PLAN_STATUS_LABELS[shown.status]}${shown.status === 'closed' ? '，只读' : ''}）`}
      action={<Button onClick={() => void viewPlan(undefined)}>回到现行方案</Button>}
    />
  );
}
