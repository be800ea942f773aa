import { Tag } from 'antd';
import { TASK_STATUS_LABELS, type TaskStatusResult } from '../../../shared/domain/task-status';

import { TASK_STATUS_COLORS } from './status-colors';

/**
 * Status with its reason on hover (a native title: cheap enough for 10,000 rows). A task whose old
 * report said 100 % without a recorded completion reads 待确认 (counted as 推进中 everywhere).
 */
export function TaskStatusTag({ result }: { result: TaskStatusResult }) {
  return (
    <Tag color={TASK_STATUS_COLORS[result.status].tag} title={result.reason}>
      {result.awaitingCompletion ? '待确认' : TASK_STATUS_LABELS[result.status]}
    </Tag>
  );
}
