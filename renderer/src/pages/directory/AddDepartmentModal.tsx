import { Button, Form, Input, Modal, Select } from 'antd';
import { DEPARTMENT_KIND_LABELS, type DepartmentKind } from '../../../../shared/domain/department';
import { addDepartmentChange } from '../../../../shared/views/directory-changes';
import type { PlanData } from '../../../../shared/views/plan-data';
import { newId, useCommit } from '../../app/use-commit';

/** 新增单位: refused when the name is already a department's name or alias. */
export function AddDepartmentModal({ open, plan, onClose }: { open: boolean; plan: Pick<PlanData, 'office' | 'departments'>; onClose: () => void }) {
  const commit = useCommit();

  const add = async (v: { name: string; kind: DepartmentKind }) => {
    const outcome = addDepartmentChange(plan, v.name, v.kind, newId('dep'));
    if (!outcome.ok) {
      Modal.warning({ title: '名称重复', content: outcome.problem });
      return;
    }
    if (await commit(outcome.change)) onClose();
  };

  return (
    <Modal open={open} title="新增单位" footer={null} onCancel={onClose} destroyOnClose>
      <Form layout="vertical" initialValues={{ kind: 'department' }} onFinish={add}>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select options={Object.entries(DEPARTMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          添加
        </Button>
      </Form>
    </Modal>
  );
}
