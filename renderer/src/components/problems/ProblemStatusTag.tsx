import { Tag } from 'antd';
import type { ProblemStatus } from '../../../../shared/domain/problem';
import type { ProblemView } from '../../../../shared/views/problems';

const COLORS: Record<ProblemStatus, string> = { open: 'default', 'in-progress': 'processing', overdue: 'error', closed: 'success' };

/** 待处理 / 处理中 / 已逾期（N天） / 已销号 */
export function ProblemStatusTag({ view }: { view: Pick<ProblemView, 'status' | 'statusLabel' | 'daysOverdue'> }) {
  return (
    <Tag color={COLORS[view.status]} data-testid="problem-status">
      {view.statusLabel}
      {view.status === 'overdue' ? ` ${view.daysOverdue}天` : ''}
    </Tag>
  );
}
