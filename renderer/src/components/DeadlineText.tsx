import { Tag, Tooltip, Typography } from 'antd';
import { deadlineKind, DEADLINE_KIND_LABELS, type Deadline } from '../../../shared/domain/deadline';
import { formatDateZh } from '../../../shared/domain/time';

/** The deadline as the plan wrote it, with its kind; compound stages listed on hover. */
export function DeadlineText({ deadline }: { deadline: Deadline | null }) {
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const kind = deadlineKind(deadline);
  const stages = deadline.points.map((p) => `${formatDateZh(p.date)}前${p.scope ? `：${p.scope}` : ''}`);
  return (
    <Tooltip title={stages.length > 1 || deadline.open ? stages.join('\n') : undefined}>
      <span>
        <Tag>{DEADLINE_KIND_LABELS[kind]}</Tag>
        <Typography.Text ellipsis style={{ maxWidth: 220 }}>
          {deadline.text || '—'}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
