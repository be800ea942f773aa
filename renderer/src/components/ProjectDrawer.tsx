import { App as AntApp, Descriptions, Drawer, Tag } from 'antd';
import type { PlanData } from '../../../shared/views/plan-data';
import { CONSTRUCTION_STATUS_LABELS } from '../../../shared/domain/project';
import type { ProjectRow } from '../../../shared/views/project-query';
import { useCommit } from '../app/use-commit';
import { ProgressForm } from './ProgressForm';
import { projectReportUnits } from '../../../shared/domain/reporting-rule';
import { ProjectEditor } from './ProjectEditor';
import type { NextRecord } from './NextRecordButton';
import { RecordDrawer, sourceText } from './RecordDrawer';

/** One project: monthly progress with investment, every field, and its change history. */
export function ProjectDrawer({ row, plan, onClose, next }: { row: ProjectRow | null; plan: PlanData; onClose: () => void; next?: NextRecord }) {
  const commit = useCommit();
  const { modal } = AntApp.useApp();
  if (!row) return <Drawer open={false} />;
  const { project } = row;
  const label = `${project.number} ${project.name}`;
  return (
    <RecordDrawer
      table="projects"
      record={project}
      title={project.name}
      label={label}
      tags={<Tag>{CONSTRUCTION_STATUS_LABELS[project.constructionStatus]}</Tag>}
      next={next}
      onClose={onClose}
      details={
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="建设/责任单位">{row.unitNames || '—'}</Descriptions.Item>
          <Descriptions.Item label="计划总投资">{project.plannedInvestment ? `${project.plannedInvestment} 万元` : '—'}</Descriptions.Item>
          <Descriptions.Item label="累计完成投资">{row.completed ? `${row.completed} 万元${row.completedPercent !== null ? `（${row.completedPercent}%）` : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="建设周期">{project.period?.text ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="出处" span={2}>
            {sourceText(project.source)}
          </Descriptions.Item>
        </Descriptions>
      }
      progressForm={
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
      }
      history={{ entries: row.history, units: projectReportUnits(project) }}
      editor={<ProjectEditor project={project} plan={plan} />}
    />
  );
}
