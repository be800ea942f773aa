import { Button, Descriptions, Drawer, Popconfirm, Space, Tabs, Typography } from 'antd';
import type { PlanData } from '../../../shared/ledger/plan-data';
import type { TaskRow } from '../../../shared/ledger/task-query';
import { officesInvolved } from '../../../shared/ledger/counties';
import { divisionName } from '../../../shared/domain/divisions';
import { nameLookup } from '../../../shared/ledger/lookups';
import { formatPeriodZh } from '../../../shared/domain/time';
import { useCommit } from '../app/use-commit';
import { AuditTrail } from './AuditTrail';
import { claimedCompletion, CompletionForm } from './CompletionForm';
import { DeadlineText } from './DeadlineText';
import { ProgressForm } from './ProgressForm';
import { taskReportUnits } from '../../../shared/domain/reporting-rule';
import { ProgressHistory } from './ProgressHistory';
import { ReviewMark } from './ReviewMark';
import { ConflictTag } from './ConflictTag';
import { TaskEditor } from './TaskEditor';
import { TaskParts } from './TaskParts';
import { TaskOriginTag } from './TaskOriginTag';
import { TaskStatusTag } from './TaskStatusTag';
import { UndoButton } from './UndoButton';
import { useGuardedClose } from './unsaved-guard';
import { NextRecordButton, type NextRecord } from './NextRecordButton';

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
  const commit = useCommit();
  // Esc, a click outside and × all ask first when a form in the drawer holds unsaved typing.
  const close = useGuardedClose(onClose);
  if (!row) return <Drawer open={false} />;
  const { task } = row;
  const label = `${task.domainLabel} ${task.number}`;
  const counties = officesInvolved(task, plan.departments);
  const units = [...task.leads, ...task.participants];
  const deptName = nameLookup(plan.departments);
  return (
    <Drawer
      open
      width={820}
      onClose={close}
      title={
        <Space>
          <span data-testid="task-drawer-title">{task.title}</span>
          <TaskStatusTag result={row.status} />
          <TaskOriginTag task={task} />
          <ReviewMark flags={task.review} />
          <ConflictTag recordId={task.id} />
        </Space>
      }
      extra={
        <Space>
        {next && <NextRecordButton next={next} />}
        <UndoButton inDrawer />
        <Popconfirm
          title="删除这项任务？"
          description="删除后可在“回收站”中恢复。"
          okText="删除"
          cancelText="取消"
          onConfirm={async () => {
            if (await commit({ label: `删除任务 ${label}`, deletes: [{ table: 'tasks', id: task.id }] }, `已删除任务 ${label}，可在回收站恢复`)) onClose();
          }}
        >
          <Button danger>删除</Button>
        </Popconfirm>
        </Space>
      }
    >
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
          <Typography.Text type="secondary">
            {task.source.file} · {task.source.section}
            {task.source.line ? ` · 第${task.source.line}行` : ''}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {task.parts && task.parts.length > 0 && <TaskParts parts={task.parts} plan={plan} />}
      <Tabs
        items={[
          {
            key: 'progress',
            label: '月度进展',
            children: (
              <>
                <ProgressForm subjectKind="task" subjectId={task.id} label={label} officeCode={task.officeCode} previous={row.latest} units={taskReportUnits(task)} history={row.history} />
                <Typography.Title level={5} style={{ marginTop: 24 }}>
                  历次进展
                </Typography.Title>
                <ProgressHistory entries={row.history} units={taskReportUnits(task)} />
              </>
            ),
          },
          { key: 'edit', label: '基本信息', children: <TaskEditor task={task} plan={plan} /> },
          { key: 'done', label: '完成情况', children: <CompletionForm task={task} claim={claimedCompletion(row, deptName)} /> },
          { key: 'audit', label: '修改记录', children: <AuditTrail recordId={task.id} /> },
        ]}
      />
    </Drawer>
  );
}
