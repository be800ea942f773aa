import { Tag } from 'antd';
import { TASK_STATUS_LABELS, type TaskStatusResult } from '../../../shared/domain/task-status';

const COLORS = { 'not-started': 'default', 'in-progress': 'processing', done: 'success', overdue: 'error', 'at-risk': 'warning' } as const;

/** Status with its reason on hover (a native title: cheap enough for 10,000 rows). */
export function TaskStatusTag({ result }: { result: TaskStatusResult }) {
  return (
    <Tag color={COLORS[result.status]} title={result.reason}>
      {TASK_STATUS_LABELS[result.status]}
    </Tag>
  );
}
