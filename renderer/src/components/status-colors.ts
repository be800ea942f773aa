import type { TaskStatus } from '../../../shared/domain/task-status';
import type { Attainment } from '../../../shared/domain/attainment';

/** One colour per task status: `tag` is antd's Tag/Badge status colour, `hex` the same colour for charts and figures. */
export const TASK_STATUS_COLORS: Record<TaskStatus, { tag: string; hex: string }> = {
  'not-started': { tag: 'default', hex: '#bfbfbf' },
  'in-progress': { tag: 'processing', hex: '#1677ff' },
  'at-risk': { tag: 'warning', hex: '#faad14' },
  overdue: { tag: 'error', hex: '#cf1322' },
  done: { tag: 'success', hex: '#0b7a4b' },
};

/** One colour per attainment result, as antd's Tag status colour. */
export const ATTAINMENT_COLORS: Record<Attainment, { tag: string }> = {
  met: { tag: 'success' },
  'on-track': { tag: 'processing' },
  behind: { tag: 'error' },
  'no-data': { tag: 'default' },
  'needs-judgement': { tag: 'warning' },
};
