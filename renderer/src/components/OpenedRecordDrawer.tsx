import { useMemo } from 'react';
import type { PlanData } from '../../../shared/views/plan-data';
import { buildTaskRows } from '../../../shared/views/task-query';
import { buildProjectRows } from '../../../shared/views/project-query';
import { chinaToday } from '../../../shared/domain/time';
import { useAppState } from '../app/store';
import { useOpenedRecord, type OpenedRecord } from '../app/navigation';
import { TaskDrawer } from './TaskDrawer';
import { ProjectDrawer } from './ProjectDrawer';

/**
 * The task or project the address opens ("#/monthly?task=<id>"), in its drawer over the page the
 * clerk is on. Closing it, or the browser's back button, leaves the page as it was.
 */
export function OpenedRecordDrawer({ plan, nextAfter }: { plan: PlanData; nextAfter?: (record: OpenedRecord) => { record: OpenedRecord; label: string } | null }) {
  const { record, close, showInstead } = useOpenedRecord();
  const period = useAppState((s) => s.period);
  const id = record?.id;
  const taskRow = useMemo(() => {
    const task = record?.page === 'tasks' ? plan.tasks.find((t) => t.id === id) : undefined;
    return task ? (buildTaskRows({ ...plan, tasks: [task] }, chinaToday())[0] ?? null) : null;
  }, [plan, record?.page, id]);
  const projectRow = useMemo(() => {
    const project = record?.page === 'projects' ? plan.projects.find((p) => p.id === id) : undefined;
    return project ? (buildProjectRows({ ...plan, projects: [project] }, period, chinaToday())[0] ?? null) : null;
  }, [plan, record?.page, id, period]);
  // 月度调度: the next one the same department still owes, one click away.
  const following = record && nextAfter ? nextAfter(record) : null;
  const next = following ? { label: following.label, open: () => void showInstead(following.record) } : undefined;
  return (
    <>
      <TaskDrawer row={taskRow} plan={plan} onClose={close} next={next} />
      <ProjectDrawer row={projectRow} plan={plan} onClose={close} next={next} />
    </>
  );
}
