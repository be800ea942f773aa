import { Button, Form, Input, Modal } from 'antd';
import type { Leader } from '../../../../shared/domain/leader';
import type { PlanData } from '../../../../shared/views/plan-data';
import { leaderChange } from '../../../../shared/views/directory-changes';
import { newId, useCommit } from '../../app/use-commit';
import { DepartmentSelect } from '../../components/DepartmentSelect';

/** 新增领导 / 编辑领导: name, title and the departments the leader oversees. Open while `leader` is set. */
export function LeaderModal({ leader, plan, onClose }: { leader: Leader | 'new' | null; plan: Pick<PlanData, 'office' | 'departments'>; onClose: () => void }) {
  const commit = useCommit();

  const save = async (v: { name: string; title: string; departmentIds: string[] }) => {
    if (!leader) return;
    const outcome = leaderChange(plan, leader === 'new' ? { new: newId('ldr') } : leader, v);
    if (outcome.ok && (await commit(outcome.change))) onClose();
  };

  return (
    <Modal open={!!leader} title={leader === 'new' ? '新增领导' : '编辑领导'} footer={null} onCancel={onClose} destroyOnClose>
      <Form layout="vertical" initialValues={leader && leader !== 'new' ? { name: leader.name, title: leader.title, departmentIds: leader.departmentIds } : { departmentIds: [] }} onFinish={save}>
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
  );
}
