import { Space, Tag } from 'antd';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../../shared/domain/task-status';
import { TASK_STATUSES } from '../../../../shared/views/aggregations';
import { TASK_STATUS_COLORS } from '../../components/status-colors';

/** A county's (or the total's) tasks by status, one tag per status that has any (逾期 left out where it has its own column). */
export function StatusTags({ counts, skipOverdue = false }: { counts: Record<TaskStatus, number>; skipOverdue?: boolean }) {
  return (
    <Space size={[0, 4]} wrap>
      {TASK_STATUSES.filter((s) => counts[s] > 0 && !(skipOverdue && s === 'overdue')).map((s) => (
        <Tag key={s} color={TASK_STATUS_COLORS[s].tag} style={{ fontSize: 12, marginInlineEnd: 2, paddingInline: 4 }}>
          {TASK_STATUS_LABELS[s]} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}
