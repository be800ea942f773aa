import { Button, Form, Input, Modal, Select, Space } from 'antd';
import type { PlanData } from '../../../shared/views/plan-data';
import { TASK_DOMAIN_LABELS, type TaskDomain } from '../../../shared/domain/task';
import { newTaskChange } from '../../../shared/views/record-edits';
import { checkText, TEXT_LIMITS } from '../../../shared/domain/validation';
import { newId, useCommit } from '../app/use-commit';
import { coreRule, counter } from './field-rules';
import { useGuardedClose, useTouchedGuard } from './unsaved-guard';

interface Values {
  domain: TaskDomain;
  title: string;
}

/**
 * 新增任务: nothing is created until the clerk saves a title. The new task then opens in its
 * drawer for the other fields.
 */
export function NewTaskModal(props: { plan: PlanData; domain?: TaskDomain; onClose: () => void; onCreated: (id: string) => void }) {
  const { plan, domain, onClose, onCreated } = props;
  const [form] = Form.useForm<Values>();
  const commit = useCommit();
  useTouchedGuard(form);
  const close = useGuardedClose(onClose);

  const save = async (v: Values) => {
    const id = newId('task');
    const change = newTaskChange(plan, id, v.domain, v.title);
    if (await commit(change, `已新增任务：${v.title.trim()}`)) {
      form.resetFields();
      onCreated(id);
    }
  };

  return (
    <Modal open title="新增任务" footer={null} onCancel={close} destroyOnClose width={560}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ domain: domain ?? 'other', title: '' }} data-testid="new-task-form">
        <Form.Item name="domain" label="领域">
          <Select aria-label="新任务领域" options={Object.entries(TASK_DOMAIN_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="任务名称" rules={[coreRule((v?: string) => checkText(v, '任务名称', TEXT_LIMITS.title, true))]}>
          <Input aria-label="新任务名称" autoFocus count={counter(TEXT_LIMITS.title)} placeholder="如：建立工业固体废物管理台账" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            保存并继续填写
          </Button>
          <Button onClick={close}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}
