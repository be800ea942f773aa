import { useMemo, useState } from 'react';
import { Space, Tabs } from 'antd';
import type { Department } from '../../../../shared/domain/department';
import type { Leader } from '../../../../shared/domain/leader';
import { chinaToday } from '../../../../shared/domain/time';
import { buildTaskRows } from '../../../../shared/views/task-query';
import { departmentStats } from '../../../../shared/views/department-stats';
import type { PlanData } from '../../../../shared/views/plan-data';
import { DepartmentTable } from './DepartmentTable';
import { LeaderTable } from './LeaderTable';
import { DepartmentDrawer } from './DepartmentDrawer';
import { AddDepartmentModal } from './AddDepartmentModal';
import { RenameDepartmentModal } from './RenameDepartmentModal';
import { MergeDepartmentsModal, type MergeChoice } from './MergeDepartmentsModal';
import { LeaderModal } from './LeaderModal';

/** 成员单位 and 责任领导: add, rename, merge duplicates; one page per department. */
export function DirectoryPage({ plan }: { plan: PlanData }) {
  const rows = useMemo(() => buildTaskRows(plan, chinaToday()), [plan]);
  const stats = useMemo(() => departmentStats(plan, rows), [plan, rows]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Department | null>(null);
  const [adding, setAdding] = useState(false);
  const [merging, setMerging] = useState<MergeChoice | null>(null);
  const [leaderEdit, setLeaderEdit] = useState<Leader | 'new' | null>(null);
  const open = stats.find((s) => s.department.id === openId) ?? null;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Tabs
        items={[
          {
            key: 'departments',
            label: `成员单位（${plan.departments.length}）`,
            children: <DepartmentTable stats={stats} onAdd={() => setAdding(true)} onMerge={() => setMerging({})} onOpen={setOpenId} onRename={setRenaming} />,
          },
          {
            key: 'leaders',
            label: `责任领导（${plan.leaders.length}）`,
            children: <LeaderTable plan={plan} onAdd={() => setLeaderEdit('new')} onEdit={setLeaderEdit} />,
          },
        ]}
      />
      <DepartmentDrawer stats={open} onClose={() => setOpenId(null)} />
      <RenameDepartmentModal department={renaming} departments={plan.departments} onClose={() => setRenaming(null)} />
      <AddDepartmentModal open={adding} plan={plan} onClose={() => setAdding(false)} />
      <MergeDepartmentsModal choice={merging} plan={plan} onChange={setMerging} onClose={() => setMerging(null)} />
      <LeaderModal leader={leaderEdit} plan={plan} onClose={() => setLeaderEdit(null)} />
    </Space>
  );
}
