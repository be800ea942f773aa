import { Descriptions, Drawer } from 'antd';
import type { PlanData } from '../../../shared/views/plan-data';
import type { TaskRow } from '../../../shared/views/task-query';
import { officesInvolved } from '../../../shared/views/counties';
import { divisionName } from '../../../shared/domain/divisions';
import { nameLookup } from '../../../shared/views/lookups';
import { formatPeriodZh } from '../../../shared/domain/time';
import { claimedCompletion, CompletionForm } from './CompletionForm';
import { DeadlineText } from './DeadlineText';
import { ProgressForm } from './ProgressForm';
import { taskReportUnits } from '../../../shared/domain/reporting-rule';
import { TaskEditor } from './TaskEditor';
import { TaskParts } from './TaskParts';
import { TaskOriginTag } from './TaskOriginTag';
import { TaskStatusTag } from './TaskStatusTag';
import type { NextRecord } from './NextRecordButton';
import { RecordDrawer, sourceText } from './RecordDrawer';

/** The task's figure and, for a co-led task, each lead unit's behind it (the lowest counts, RULES.md). */
function figureWords(row: TaskRow, deptName: (id: string) => string): string {
  const f = row.figure;
  if (!f) return '尚未报送';
  const own = `${f.entry.percent}%（${formatPeriodZh(f.entry.period)}）`;
  if (f.sources.length < 2) return own;
  return `${own}，取各牵头单位中最低：${f.sources.map((s) => `${s.departmentId ? deptName(s.departmentId) : '无废办代报'} ${s.entry.percent}%`).join('、')}`;
}

/** One task: its monthly progress, every field, completion, and its change history. */
export function TaskDrawer({ row, plan, onClose, next }: { row: TaskRow | null; plan: PlanData; onClose: () => void; next?: NextRecord }) {
  if (!row) return <Drawer open={false} />;
  const { task } = row;
  const label = `${task.domainLabel} ${task.number}`;
  const counties = officesInvolved(task, plan.departments);
  const units = [...task.leads, ...task.participants];
  const deptName = nameLookup(plan.departments);
  return (
    <RecordDrawer
      table="tasks"
      record={task}
      title={task.title}
      label={label}
      tags={
        <>
          <TaskStatusTag result={row.status} />
          <TaskOriginTag task={task} />
        </>
      }
      next={next}
      onClose={onClose}
      details={
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="领域">{label}</Descriptions.Item>
            <Descriptions.Item label="状态说明">{row.status.reason}</Descriptions.Item>
            <Descriptions.Item label="当前进度">
              <span data-testid="task-figure">{figureWords(row, deptName)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="牵头单位">{row.leadNames || '—'}</Descriptions.Item>
            {/* The plan's own word: 参与, 责任 or 配合 单位 */}
            <Descriptions.Item label={`${[...new Set(task.participants.map((p) => p.role))].join('/') || '参与'}单位`}>{row.participantNames || '—'}</Descriptions.Item>
            {row.leaderNames && <Descriptions.Item label="责任领导">{row.leaderNames}</Descriptions.Item>}
            {counties.length > 0 && (
              <Descriptions.Item label="涉及旗区" span={2}>
                <span data-testid="task-counties">{counties.map(divisionName).join('、')}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="完成时限" span={2}>
              <DeadlineText deadline={task.deadline} />
            </Descriptions.Item>
            {task.milestones.length > 0 && (
              <Descriptions.Item label="分年度安排" span={2}>
                <span data-testid="task-milestones">
                  {task.milestones.map((m) => `${m.years.length > 1 ? `${m.years[0]}—${m.years[m.years.length - 1]}` : m.years[0]}年：${m.text}`).join('；')}
                </span>
              </Descriptions.Item>
            )}
            {units.some((u) => u.duty) && (
              <Descriptions.Item label="任务分工" span={2}>
                <span data-testid="task-duties">
                  {units
                    .filter((u) => u.duty)
                    .map((u) => `${deptName(u.departmentId)}：${u.duty}`)
                    .join('；')}
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="出处" span={2}>
              {sourceText(task.source)}
            </Descriptions.Item>
          </Descriptions>
          {task.parts && task.parts.length > 0 && <TaskParts parts={task.parts} plan={plan} />}
        </>
      }
      progressForm={<ProgressForm subjectKind="task" subjectId={task.id} label={label} officeCode={task.officeCode} previous={row.latest} units={taskReportUnits(task)} history={row.history} />}
      history={{ entries: row.history, units: taskReportUnits(task) }}
      editor={<TaskEditor task={task} plan={plan} />}
      moreTabs={[{ key: 'done', label: '完成情况', children: <CompletionForm task={task} claim={claimedCompletion(row, deptName)} /> }]}
    />
  );
}
