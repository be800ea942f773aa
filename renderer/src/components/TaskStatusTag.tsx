import { Tag, Tooltip } from 'antd';
import { TASK_STATUS_LABELS, type TaskStatusResult } from '../../../shared/domain/task-status';

const COLORS = { 'not-started': 'default', 'in-progress': 'processing', done: 'success', overdue: 'error', 'at-risk': 'warning' } as const;

export function TaskStatusTag({ result }: { result: TaskStatusResult }) {
  return (
    <Tooltip title={result.reason}>
      <Tag color={COLORS[result.status]}>{TASK_STATUS_LABELS[result.status]}</Tag>
    </Tooltip>
  );
}
