import { App as AntApp, Button, Descriptions, Drawer, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import type { PlanData } from '../../../shared/ledger/plan-data';
import { CONSTRUCTION_STATUS_LABELS } from '../../../shared/domain/project';
import type { ProjectRow } from '../../../shared/ledger/project-query';
import { useCommit } from '../app/use-commit';
import { AuditTrail } from './AuditTrail';
import { ProgressForm } from './ProgressForm';
import { projectReportUnits } from '../../../shared/domain/reporting-rule';
import { ProgressHistory } from './ProgressHistory';
import { ProjectEditor } from './ProjectEditor';
import { ReviewMark } from './ReviewMark';
import { ConflictTag } from './ConflictTag';
import { UndoButton } from './UndoButton';
import { useGuardedClose } from './unsaved-guard';
import { NextRecordButton, type NextRecord } from './NextRecordButton';

/** One project: monthly progress with investment, every field, and its change history. */
export function ProjectDrawer({ row, plan, onClose, next }: { row: ProjectRow | null; plan: PlanData; onClose: () => void; next?: NextRecord }) {
  const commit = useCommit();
  const { modal } = AntApp.useApp();
  // Esc, a click outside and × all ask first when a form in the drawer holds unsaved typing.
  const close = useGuardedClose(onClose);
  if (!row) return <Drawer open={false} />;
  const { project } = row;
  const label = `${project.number} ${project.name}`;
  return (
    <Drawer
      open
      width={820}
      onClose={close}
      title={
        <Space>
          <span data-testid="project-drawer-title">{project.name}</span>
          <Tag>{CONSTRUCTION_STATUS_LABELS[project.constructionStatus]}</Tag>
          <ReviewMark flags={project.review} />
          <ConflictTag recordId={project.id} />
        </Space>
      }
      extra={
        <Space>
        {next && <NextRecordButton next={next} />}
        <UndoButton inDrawer />
        <Popconfirm
          title="删除这个项目？"
          description="删除后可在“回收站”中恢复。"
          okText="删除"
          cancelText="取消"
          onConfirm={async () => {
            if (await commit({ label: `删除项目 ${label}`, deletes: [{ table: 'projects', id: project.id }] }, `已删除项目 ${label}，可在回收站恢复`)) onClose();
          }}
        >
          <Button danger>删除</Button>
        </Popconfirm>
        </Space>
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="建设/责任单位">{row.unitNames || '—'}</Descriptions.Item>
        <Descriptions.Item label="计划总投资">{project.plannedInvestment ? `${project.plannedInvestment} 万元` : '—'}</Descriptions.Item>
        <Descriptions.Item label="累计完成投资">{row.completed ? `${row.completed} 万元${row.completedPercent !== null ? `（${row.completedPercent}%）` : ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="建设周期">{project.period?.text ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="出处" span={2}>
          <Typography.Text type="secondary">
            {project.source.file} · {project.source.section}
            {project.source.line ? ` · 第${project.source.line}行` : ''}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'progress',
            label: '月度进展',
            children: (
              <>
                <ProgressForm
                  subjectKind="project"
                  subjectId={project.id}
                  label={label}
                  officeCode={project.officeCode}
                  previous={row.latest}
                  units={projectReportUnits(project)}
                  history={row.history}
                  plannedInvestment={project.plannedInvestment}
                  onFirstInvestment={
                    project.constructionStatus === 'not-started'
                      ? () =>
                          modal.confirm({
                            title: '已有完成投资，项目是否已开工？',
                            content: `“${project.name}”的建设状态仍为“未开工”。改为“在建”吗？`,
                            okText: '改为在建',
                            cancelText: '保持未开工',
                            onOk: () => commit({ label: `项目改为在建 ${label}`, edits: [{ table: 'projects', id: project.id, patch: { constructionStatus: 'under-construction' } }] }),
                          })
                      : undefined
                  }
                />
                <Typography.Title level={5} style={{ marginTop: 24 }}>
                  历次进展
                </Typography.Title>
                <ProgressHistory entries={row.history} units={projectReportUnits(project)} />
              </>
            ),
          },
          { key: 'edit', label: '基本信息', children: <ProjectEditor project={project} plan={plan} /> },
          { key: 'audit', label: '修改记录', children: <AuditTrail recordId={project.id} /> },
        ]}
      />
    </Drawer>
  );
}
