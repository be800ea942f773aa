import { Tag } from 'antd';
import { TASK_STATUS_LABELS, type TaskStatusResult } from '../../../shared/domain/task-status';

import { TASK_STATUS_COLORS } from './status-colors';

/** Status with its reason on hover (a native title: cheap enough for 10,000 rows). */
export function TaskStatusTag({ result }: { result: TaskStatusResult }) {
  return (
    <Tag color={TASK_STATUS_COLORS[result.status].tag} title={result.reason}>
      {TASK_STATUS_LABELS[result.status]}
    </Tag>
  );
}
