import { useState } from 'react';
import { Button, Space } from 'antd';
import { AuditOutlined, FileDoneOutlined, WarningOutlined } from '@ant-design/icons';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { NumberedKind } from '../../../../shared/print/sheet-number';
import { chinaToday } from '../../../../shared/domain/time';
import type { Period } from '../../../../shared/domain/ids';
import { IssuedSheetsModal } from './IssuedSheetsModal';
import { PrintListButton } from './PrintListButton';
import { SheetPrintDialog } from './SheetPrintDialog';

/**
 * The printing buttons of the monthly cycle and of a department's page: 任务交办单, 督办单, the
 * register of issued sheets, and (with a period) the month's reporting status.
 */
export function PrintSheetsBar({ plan, period, departmentId }: { plan: PlanData; period?: Period; departmentId?: string }) {
  const [kind, setKind] = useState<NumberedKind | null>(null);
  const [registerOpen, setRegisterOpen] = useState(false);
  const ids = departmentId ? [departmentId] : undefined;
  return (
    <Space wrap>
      <Button icon={<FileDoneOutlined />} onClick={() => setKind('assignment')}>
        打印交办单
      </Button>
      <Button icon={<WarningOutlined />} onClick={() => setKind('supervision')}>
        打印督办单
      </Button>
      {period && <PrintListButton plan={plan} label="打印报送情况" request={() => ({ kind: 'reporting', period, day: chinaToday() })} />}
      <Button icon={<AuditOutlined />} onClick={() => setRegisterOpen(true)}>
        交办记录
      </Button>
      {kind && <SheetPrintDialog plan={plan} kind={kind} open departmentIds={ids} onClose={() => setKind(null)} />}
      <IssuedSheetsModal plan={plan} open={registerOpen} onClose={() => setRegisterOpen(false)} />
    </Space>
  );
}
