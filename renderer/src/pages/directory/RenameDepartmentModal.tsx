import { Button, Form, Input, Modal, Select } from 'antd';
import type { Department } from '../../../../shared/domain/department';
import { renameDepartmentChange } from '../../../../shared/views/directory-changes';
import { useCommit } from '../../app/use-commit';

/** 单位更名: the old name stays as an alias; a name another department already uses is refused. */
export function RenameDepartmentModal({ department, departments, onClose }: { department: Department | null; departments: readonly Department[]; onClose: () => void }) {
  const commit = useCommit();

  const rename = async (v: { name: string; aliases: string[] }) => {
    if (!department) return;
    const outcome = renameDepartmentChange(departments, department, v.name, v.aliases ?? []);
    if (!outcome.ok) {
      Modal.warning({ title: '名称重复', content: outcome.problem });
      return;
    }
    if (await commit(outcome.change)) onClose();
  };

  return (
    <Modal open={!!department} title={`单位更名：${department?.name ?? ''}`} footer={null} onCancel={onClose} destroyOnClose>
      <Form layout="vertical" initialValues={{ name: department?.name, aliases: department?.aliases }} onFinish={rename}>
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
  );
}
