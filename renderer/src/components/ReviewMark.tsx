import { Tag, Tooltip } from 'antd';
import type { ReviewFlag } from '../../../shared/domain/source';

/** A "待核实" mark on a record whose source could not be read with certainty. */
export function ReviewMark({ flags }: { flags?: ReviewFlag[] }) {
  if (!flags?.length) return null;
  return (
    <Tooltip title={flags.map((f) => `${f.field}：${f.reason}`).join('\n')}>
      <Tag color="warning" data-testid="review-mark">
        待核实
      </Tag>
    </Tooltip>
  );
}
