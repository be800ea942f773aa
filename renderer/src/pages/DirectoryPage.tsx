import { useMemo, useState } from 'react';
import { Button, Drawer, Form, Input, List, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Department, DepartmentKind } from '../../../shared/domain/department';
import type { Leader } from '../../../shared/domain/leader';
import { chinaToday } from '../../../shared/domain/time';
import { buildTaskRows, type TaskRow } from '../../../shared/ledger/task-query';
import { mergeDepartmentPatches } from '../../../shared/ledger/department-merge';
import { nameLookup } from '../../../shared/ledger/lookups';
import type { PlanView } from '../app/store';
import { newId, useCommit } from '../app/use-commit';
import { openRecord } from '../app/navigation';
import { TaskStatusTag } from '../components/TaskStatusTag';
import { DepartmentSelect } from '../components/DepartmentSelect';

const KIND_LABELS: Record<DepartmentKind, string> = {
  department: '部门',
  collective: '集合单位',
  enterprise: '企业',
  'subordinate-office': '下级政府',
  'all-subordinate-offices': '各下级政府',
  park: '园区',
  township: '镇/街道',
};

interface DeptStats {
  department: Department;
  lead: TaskRow[];
  participant: TaskRow[];
  projects: number;
  overdue: number;
}

/** 成员单位 and 责任领导: add, rename, merge duplicates; one page per department. */
export function DirectoryPage({ plan }: { plan: PlanView }) {
  const commit = useCommit();
  const rows = useMemo(() => buildTaskRows(plan, chinaToday()), [plan]);
  const stats = useMemo<DeptStats[]>(
    () =>
      plan.departments.map((department) => {
        const lead = rows.filter((r) => r.task.leads.some((l) => l.departmentId === department.id));
        const participant = rows.filter((r) => r.task.participants.some((p) => p.departmentId === department.id));
        return {
          department,
          lead,
          participant,
          projects: plan.projects.filter((p) => p.constructionUnitIds.includes(department.id) || p.responsibleUnitIds.includes(department.id)).length,
          overdue: [...lead, ...participant].filter((r) => r.status.status === 'overdue').length,
        };
      }),
    [plan, rows],
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Department | null>(null);
  const [adding, setAdding] = useState(false);
  const [merging, setMerging] = useState<{ keep?: string; drop?: string } | null>(null);
  const [leaderEdit, setLeaderEdit] = useState<Leader | 'new' | null>(null);
  const open = stats.find((s) => s.department.id === openId) ?? null;
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);

  const rename = async (v: { name: string; aliases: string[] }) => {
    if (!renaming) return;
    const name = v.name.trim();
    const clash = plan.departments.find((d) => d.id !== renaming.id && (d.name === name || d.aliases.includes(name)));
    if (clash) {
      Modal.warning({ title: '名称重复', content: `“${name}”已是“${clash.name}”的名称或别名。如果是同一单位，请使用“合并”。` });
      return;
    }
    const aliases = [...new Set([...(v.aliases ?? []), ...(name !== renaming.name ? [renaming.name] : [])])].filter((a) => a !== name);
    if (await commit({ label: `单位更名 ${renaming.name} → ${name}`, edits: [{ table: 'departments', id: renaming.id, patch: { name, aliases } }] })) setRenaming(null);
  };

  const add = async (v: { name: string; kind: DepartmentKind }) => {
    const name = v.name.trim();
    if (plan.departments.some((d) => d.name === name || d.aliases.includes(name))) {
      Modal.warning({ title: '名称重复', content: `“${name}”已在单位名录中。` });
      return;
    }
    const record: Department = { id: newId('dep'), officeCode: plan.office.code, name, aliases: [], kind: v.kind };
    if (await commit({ label: `新增单位 ${name}`, creates: [{ table: 'departments', record }] })) setAdding(false);
  };

  const merge = async () => {
    if (!merging?.keep || !merging.drop) return;
    const edits = mergeDepartmentPatches(plan, merging.keep, merging.drop);
    const label = `合并单位 ${dept(merging.drop)} → ${dept(merging.keep)}`;
    if (await commit({ label, edits, deletes: [{ table: 'departments', id: merging.drop }] }, `已合并：${dept(merging.drop)} 并入 ${dept(merging.keep)}`)) setMerging(null);
  };

  const saveLeader = async (v: { name: string; title: string; departmentIds: string[] }) => {
    if (leaderEdit === 'new') {
      const record: Leader = { id: newId('ldr'), officeCode: plan.office.code, name: v.name.trim(), title: (v.title ?? '').trim(), departmentIds: v.departmentIds ?? [] };
      if (await commit({ label: `新增领导 ${record.name}`, creates: [{ table: 'leaders', record }] })) setLeaderEdit(null);
    } else if (leaderEdit) {
      const patch = { name: v.name.trim(), title: (v.title ?? '').trim(), departmentIds: v.departmentIds ?? [] };
      if (await commit({ label: `修改领导 ${leaderEdit.name}`, edits: [{ table: 'leaders', id: leaderEdit.id, patch }] })) setLeaderEdit(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Tabs
        items={[
          {
            key: 'departments',
            label: `成员单位（${plan.departments.length}）`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                    新增单位
                  </Button>
                  <Button onClick={() => setMerging({})} data-testid="merge-open">
                    合并重复单位
                  </Button>
                </Space>
                <Table<DeptStats>
                  rowKey={(s) => s.department.id}
                  dataSource={stats}
                  size="small"
                  pagination={false}
                  scroll={{ y: 560 }}
                  data-testid="department-table"
                  columns={[
                    {
                      title: '单位名称',
                      sorter: (a, b) => a.department.name.localeCompare(b.department.name, 'zh'),
                      render: (_, s) => <Typography.Link onClick={() => setOpenId(s.department.id)}>{s.department.name}</Typography.Link>,
                    },
                    { title: '别名', render: (_, s) => s.department.aliases.join('、') || '—' },
                    { title: '类型', width: 100, render: (_, s) => KIND_LABELS[s.department.kind] },
                    { title: '牵头任务', width: 90, align: 'right', sorter: (a, b) => a.lead.length - b.lead.length, render: (_, s) => s.lead.length },
                    { title: '参与任务', width: 90, align: 'right', sorter: (a, b) => a.participant.length - b.participant.length, render: (_, s) => s.participant.length },
                    { title: '项目', width: 70, align: 'right', render: (_, s) => s.projects },
                    { title: '逾期', width: 70, align: 'right', sorter: (a, b) => a.overdue - b.overdue, render: (_, s) => (s.overdue ? <Tag color="red">{s.overdue}</Tag> : 0) },
                    { title: '', width: 70, render: (_, s) => <Button size="small" onClick={() => setRenaming(s.department)}>更名</Button> },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'leaders',
            label: `责任领导（${plan.leaders.length}）`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Button icon={<PlusOutlined />} onClick={() => setLeaderEdit('new')}>
                  新增领导
                </Button>
                <Table<Leader>
                  rowKey="id"
                  dataSource={plan.leaders}
                  size="small"
                  pagination={false}
                  columns={[
                    { title: '姓名', dataIndex: 'name' },
                    { title: '职务', render: (_, l) => l.title || '—' },
                    { title: '分管单位', render: (_, l) => l.departmentIds.map(dept).join('、') || '—' },
                    { title: '负责任务', render: (_, l) => plan.tasks.filter((t) => t.leaderIds.includes(l.id)).length },
                    { title: '', width: 70, render: (_, l) => <Button size="small" onClick={() => setLeaderEdit(l)}>编辑</Button> },
                  ]}
                />
              </Space>
            ),
          },
        ]}
      />

      <Drawer open={!!open} width={760} onClose={() => setOpenId(null)} title={open?.department.name}>
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {KIND_LABELS[open.department.kind]}
              {open.department.aliases.length ? ` · 别名：${open.department.aliases.join('、')}` : ''}
            </Typography.Text>
            {(
              [
                ['牵头的任务', open.lead],
                ['参与的任务', open.participant],
                ['逾期的任务', [...open.lead, ...open.participant].filter((r) => r.status.status === 'overdue')],
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
              dataSource={plan.projects.filter((p) => p.constructionUnitIds.includes(open.department.id) || p.responsibleUnitIds.includes(open.department.id))}
              renderItem={(p) => (
                <List.Item>
                  <Typography.Link onClick={() => openRecord('projects', p.id)}>{p.name}</Typography.Link>
                </List.Item>
              )}
            />
          </Space>
        )}
      </Drawer>

      <Modal open={!!renaming} title={`单位更名：${renaming?.name ?? ''}`} footer={null} onCancel={() => setRenaming(null)} destroyOnClose>
        <Form layout="vertical" initialValues={{ name: renaming?.name, aliases: renaming?.aliases }} onFinish={rename}>
          <Form.Item name="name" label="新名称" rules={[{ required: true, whitespace: true }]}>
            <Input aria-label="新名称" />
          </Form.Item>
          <Form.Item name="aliases" label="别名（原名称会自动保留为别名）">
            <Select mode="tags" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Modal>

      <Modal open={adding} title="新增单位" footer={null} onCancel={() => setAdding(false)} destroyOnClose>
        <Form layout="vertical" initialValues={{ kind: 'department' }} onFinish={add}>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            添加
          </Button>
        </Form>
      </Modal>

      <Modal
        open={!!merging}
        title="合并重复单位"
        okText="合并"
        cancelText="取消"
        okButtonProps={{ disabled: !merging?.keep || !merging?.drop || merging.keep === merging.drop }}
        onOk={merge}
        onCancel={() => setMerging(null)}
        destroyOnClose
      >
        <Typography.Paragraph type="secondary">两个名称指同一单位时使用。被并入单位的所有任务、项目、指标都会改为保留单位，其名称成为保留单位的别名。可撤销。</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="保留的单位">
            <Select showSearch optionFilterProp="label" aria-label="保留的单位" value={merging?.keep} onChange={(keep: string) => setMerging({ ...merging, keep })} options={plan.departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item label="并入（将被删除）的单位">
            <Select showSearch optionFilterProp="label" aria-label="并入的单位" value={merging?.drop} onChange={(drop: string) => setMerging({ ...merging, drop })} options={plan.departments.filter((d) => d.id !== merging?.keep).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!leaderEdit} title={leaderEdit === 'new' ? '新增领导' : '编辑领导'} footer={null} onCancel={() => setLeaderEdit(null)} destroyOnClose>
        <Form
          layout="vertical"
          initialValues={leaderEdit && leaderEdit !== 'new' ? { name: leaderEdit.name, title: leaderEdit.title, departmentIds: leaderEdit.departmentIds } : { departmentIds: [] }}
          onFinish={saveLeader}
        >
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label="职务">
            <Input />
          </Form.Item>
          <Form.Item name="departmentIds" label="分管单位">
            <DepartmentSelect departments={plan.departments} ariaLabel="分管单位" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
