import { Drawer, List, Space, Typography } from 'antd';
import { DEPARTMENT_KIND_LABELS } from '../../../../shared/domain/department';
import type { DepartmentStats } from '../../../../shared/views/department-stats';
import { openRecord } from '../../app/navigation';
import { TaskStatusTag } from '../../components/TaskStatusTag';
import { DepartmentSheets } from '../../components/print/DepartmentSheets';
import { OpenedRecordDrawer } from '../../components/OpenedRecordDrawer';
import { useAppState } from '../../app/store';

/** One department's page: the tasks it leads, helps with and is late on, and its projects. */
export function DepartmentDrawer({ stats, onClose }: { stats: DepartmentStats | null; onClose: () => void }) {
  const plan = useAppState((s) => (s.phase.kind === 'ready' ? s.phase.plan : null));
  return (
    <>
      <Drawer open={!!stats} width={760} onClose={onClose} title={stats?.department.name}>
        {stats && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {DEPARTMENT_KIND_LABELS[stats.department.kind]}
              {stats.department.aliases.length ? ` · 别名：${stats.department.aliases.join('、')}` : ''}
            </Typography.Text>
            <DepartmentSheets departmentId={stats.department.id} />
            {(
              [
                ['牵头的任务', stats.lead],
                ['参与的任务', stats.participant],
                ['逾期的任务', stats.overdue],
              ] as const
            ).map(([title, list]) => (
              <List
                key={title}
                size="small"
                header={<Typography.Text strong>{`${title}（${list.length}）`}</Typography.Text>}
                dataSource={list}
                renderItem={(r) => (
                  <List.Item extra={<TaskStatusTag result={r.status} />}>
                    <Typography.Link onClick={() => openRecord('tasks', r.task.id)}>
                      {r.task.domainLabel} {r.task.number} {r.task.title}
                    </Typography.Link>
                  </List.Item>
                )}
              />
            ))}
            <List
              size="small"
              header={<Typography.Text strong>项目</Typography.Text>}
              dataSource={stats.projects}
              renderItem={(p) => (
                <List.Item>
                  <Typography.Link onClick={() => openRecord('projects', p.id)}>{p.name}</Typography.Link>
                </List.Item>
              )}
            />
          </Space>
        )}
      </Drawer>
      {/* A task or project opened from the department shows over it; closing it comes back to the department. */}
      {plan && <OpenedRecordDrawer plan={plan} />}
    </>
  );
}
