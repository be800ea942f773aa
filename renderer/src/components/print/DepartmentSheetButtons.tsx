import { useMemo, useState } from 'react';
import { App, Button, Space } from 'antd';
import { FileDoneOutlined, WarningOutlined } from '@ant-design/icons';
import type { PrintPlan } from '../../../../shared/print/problem-sections';
import { chinaToday } from '../../../../shared/domain/time';
import { sheetCandidates, type SheetCandidate } from '../../../../shared/print/sheet-candidates';
import type { NumberedKind } from '../../../../shared/print/sheet-number';
import { messageOf } from '../../app/error-text';
import { usePlan } from '../../app/store';
import { SheetBatchModal } from './SheetBatchModal';
import { usePrintPlan } from './use-print-plan';
import { useIssuedSheets } from './use-print';
import { jobFor, type SheetJob } from '../../../../shared/print/sheet-job';

/** Per plan and day: each department's 督办单 and 交办单 content, computed once for all rows of 月度调度. */
const cache = new WeakMap<PrintPlan, { day: string; supervision: Map<string, SheetCandidate>; assignment: Map<string, SheetCandidate> }>();
function candidatesOf(plan: PrintPlan, day: string) {
  const hit = cache.get(plan);
  if (hit && hit.day === day) return hit;
  const byId = (list: SheetCandidate[]) => new Map(list.map((c) => [c.departmentId, c]));
  const value = {
    day,
    supervision: byId(sheetCandidates(plan, 'supervision', day).items),
    // A lead unit's sheet lists what it leads; a unit that only helps gets its part.
    assignment: new Map([...byId(sheetCandidates(plan, 'assignment', day, 'all').items), ...byId(sheetCandidates(plan, 'assignment', day, 'lead').items)]),
  };
  cache.set(plan, value);
  return value;
}

/**
 * 督办 and 交办单 on a department's row of 月度调度: one click opens that department's 督办单 (its
 * overdue and at-risk tasks, its unclosed problems) or 任务交办单, ready to print or save.
 */
export function DepartmentSheetButtons({ departmentId }: { departmentId: string }) {
  const plan = usePrintPlan(usePlan());
  const { message } = App.useApp();
  const register = useIssuedSheets();
  const [job, setJob] = useState<SheetJob | null>(null);
  const day = chinaToday();
  const found = useMemo(() => candidatesOf(plan, day), [plan, day]);
  const supervise = found.supervision.get(departmentId);
  const assign = found.assignment.get(departmentId);

  const open = async (kind: NumberedKind, item: SheetCandidate) => {
    if (!register) return;
    try {
      const settings = await register.settings(plan.office);
      setJob(jobFor(kind, day, settings, [item]));
    } catch (e) {
      message.error(`无法读取编号设置：${messageOf(e)}`);
    }
  };

  return (
    // Inside a collapse header: a click or key here must not open or close the panel.
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} role="presentation">
      <Space size={4}>
        {supervise && (
          <Button size="small" danger icon={<WarningOutlined />} title={`督办单：${supervise.detail}`} onClick={() => void open('supervision', supervise)}>
            督办
          </Button>
        )}
        {assign && (
          <Button size="small" icon={<FileDoneOutlined />} title={`任务交办单：${assign.detail}`} onClick={() => void open('assignment', assign)}>
            交办单
          </Button>
        )}
      </Space>
      {job && <SheetBatchModal plan={plan} job={job} onClose={() => setJob(null)} />}
    </span>
  );
}
