import { Button, Tooltip } from 'antd';
import { RightOutlined } from '@ant-design/icons';

/** 月度调度's 下一项: the next task or project the same department still owes this month. */
export interface NextRecord {
  label: string;
  open: () => void;
}

/** In a drawer opened from 月度调度: goes on to the department's next unreported item without closing. */
export function NextRecordButton({ next }: { next: NextRecord }) {
  return (
    <Tooltip title={`本单位下一项未报送：${next.label}`}>
      <Button onClick={next.open} data-testid="drawer-next">
        下一项 <RightOutlined />
      </Button>
    </Tooltip>
  );
}
