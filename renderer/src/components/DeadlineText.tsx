import { Tag } from 'antd';
import { deadlineKind, deadlineStagesZh, deadlineTextZh, DEADLINE_KIND_LABELS, type Deadline } from '../../../shared/domain/deadline';

/** The deadline as the plan wrote it (deadlineTextZh, as in the audit trail), with its kind; the stages of a compound one on hover. */
export function DeadlineText({ deadline }: { deadline: Deadline | null }) {
  if (!deadline) return <span className="cell-secondary">—</span>;
  const kind = deadlineKind(deadline);
  const stages = deadlineStagesZh(deadline);
  const title = [deadline.text, ...(stages.length > 1 || deadline.open ? stages : [])].join('\n');
  return (
    <span style={{ display: 'flex', alignItems: 'center', minWidth: 0 }} title={title}>
      <Tag style={{ flex: 'none' }}>{DEADLINE_KIND_LABELS[kind]}</Tag>
      <span className="cell-ellipsis">{deadlineTextZh(deadline)}</span>
    </span>
  );
}
