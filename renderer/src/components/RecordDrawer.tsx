import type { ReactNode } from 'react';
import { Button, Drawer, Popconfirm, Space, Tabs, Typography, type TabsProps } from 'antd';
import type { ProgressEntry } from '../../../shared/domain/progress';
import type { ReportUnits } from '../../../shared/domain/reporting-rule';
import type { SourceRef } from '../../../shared/domain/source';
import type { Task } from '../../../shared/domain/task';
import type { Project } from '../../../shared/domain/project';
import { deleteRecordChange } from '../../../shared/views/record-edits';
import { useCommit } from '../app/use-commit';
import { AuditTrail } from './AuditTrail';
import { ConflictTag } from './ConflictTag';
import { NextRecordButton, type NextRecord } from './NextRecordButton';
import { ProgressHistory } from './ProgressHistory';
import { ReviewMark } from './ReviewMark';
import { UndoButton } from './UndoButton';
import { useGuardedClose } from './unsaved-guard';

const WHAT = { tasks: { noun: '任务', which: '这项任务' }, projects: { noun: '项目', which: '这个项目' } } as const;

/** Where a record comes from: the plan's file, section and line, or 本机新增. */
export function sourceText(source: SourceRef): ReactNode {
  return (
    <Typography.Text type="secondary">
      {source.file} · {source.section}
      {source.line ? ` · 第${source.line}行` : ''}
    </Typography.Text>
  );
}

export interface RecordDrawerProps {
  table: 'tasks' | 'projects';
  record: Task | Project;
  /** The name in the title bar (its test id is task-drawer-title / project-drawer-title). */
  title: string;
  /** How the record is named in the undo list and messages: 工业固体废物 3, 2 某项目. */
  label: string;
  /** Tags after the name: status, origin. */
  tags?: ReactNode;
  next?: NextRecord;
  onClose(): void;
  /** The fields at the top. */
  details: ReactNode;
  /** 填报进展, and the reports it adds to. */
  progressForm: ReactNode;
  history: { entries: readonly ProgressEntry[]; units: ReportUnits };
  /** 基本信息. */
  editor: ReactNode;
  /** Tabs between 基本信息 and 修改记录 (a task's 完成情况). */
  moreTabs?: TabsProps['items'];
}

/**
 * The frame of a record's drawer — a task, a project, a problem: its name and marks, 下一项, undo
 * and delete (asked first, restorable from the bin) in the bar; Esc, a click outside and × ask
 * first when a form in it holds unsaved typing.
 */
export function DrawerFrame(props: { title: ReactNode; titleTestId: string; marks?: ReactNode; next?: NextRecord; deleteQuestion: string; onDelete(): Promise<void>; onClose(): void; children: ReactNode }) {
  const { title, titleTestId, marks, next, deleteQuestion, onDelete, onClose, children } = props;
  const close = useGuardedClose(onClose);
  return (
    <Drawer
      open
      width={820}
      onClose={close}
      title={
        <Space>
          <span data-testid={titleTestId}>{title}</span>
          {marks}
        </Space>
      }
      extra={
        <Space>
          {next && <NextRecordButton next={next} />}
          <UndoButton inDrawer />
          <Popconfirm title={deleteQuestion} description="删除后可在“回收站”中恢复。" okText="删除" cancelText="取消" onConfirm={onDelete}>
            <Button danger>删除</Button>
          </Popconfirm>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}

/** The drawer a task or a project opens in: the frame, its fields, then 月度进展, 基本信息, … and 修改记录. */
export function RecordDrawer(props: RecordDrawerProps) {
  const { table, record, title, label, tags, next, onClose, details, progressForm, history, editor, moreTabs = [] } = props;
  const commit = useCommit();
  const { noun, which } = WHAT[table];
  const remove = async () => {
    // The same change as `zwc task delete` / `zwc project delete` (shared/views/record-edits.ts).
    if (await commit(deleteRecordChange(table, record), `已删除${noun} ${label}，可在回收站恢复`)) onClose();
  };
  return (
    <DrawerFrame
      title={title}
      titleTestId={table === 'tasks' ? 'task-drawer-title' : 'project-drawer-title'}
      marks={
        <>
          {tags}
          <ReviewMark flags={record.review} />
          <ConflictTag recordId={record.id} />
        </>
      }
      next={next}
      deleteQuestion={`删除${which}？`}
      onDelete={remove}
      onClose={onClose}
    >
      {details}
      <Tabs
        items={[
          {
            key: 'progress',
            label: '月度进展',
            children: (
              <>
                {progressForm}
                <Typography.Title level={5} style={{ marginTop: 24 }}>
                  历次进展
                </Typography.Title>
                <ProgressHistory entries={history.entries} units={history.units} />
              </>
            ),
          },
          { key: 'edit', label: '基本信息', children: editor },
          ...moreTabs,
          { key: 'audit', label: '修改记录', children: <AuditTrail recordId={record.id} /> },
        ]}
      />
    </DrawerFrame>
  );
}
