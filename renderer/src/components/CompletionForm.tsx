import { Alert, Button, Form, Input, Space } from 'antd';
import type { Task } from '../../../shared/domain/task';
import { chinaToday, formatDateZh } from '../../../shared/domain/time';
import { checkDayInput, checkText, parseDayInput, TEXT_LIMITS } from '../../../shared/domain/validation';
import { useCommit } from '../app/use-commit';
import { coreRule, counter } from './field-rules';
import { useTouchedGuard } from './unsaved-guard';

/** Marks a task done with the day and the evidence (验收材料, 文件号 …), or takes that back. */
export function CompletionForm({ task }: { task: Task }) {
  const commit = useCommit();
  const [form] = Form.useForm<{ date: string; evidence: string }>();
  useTouchedGuard(form, !task.completion);
  const typedDay = Form.useWatch('date', form);
  const readDay = typedDay ? parseDayInput(typedDay) : null;
  const label = `任务 ${task.domainLabel} ${task.number}`;
  if (task.completion) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon message={`已于${formatDateZh(task.completion.date)}完成`} description={`完成依据：${task.completion.evidence || '（未填写）'}`} />
        <Button onClick={() => commit({ label: `取消完成 ${label}`, edits: [{ table: 'tasks', id: task.id, patch: { completion: null } }] })}>撤回“已完成”</Button>
      </Space>
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ date: formatDateZh(chinaToday()), evidence: '' }}
      onFinish={(v: { date: string; evidence: string }) => {
        // The rules have accepted the day as typed; it is stored as the day it names, never another.
        const date = parseDayInput(v.date);
        if (!date) return;
        return commit({ label: `标记完成 ${label}`, edits: [{ table: 'tasks', id: task.id, patch: { completion: { date, evidence: v.evidence.trim() } } }] });
      }}
      data-testid="completion-form"
    >
      <Form.Item
        name="date"
        label="完成日期"
        extra={readDay ? `即 ${formatDateZh(readDay)}` : '如 2023年6月15日、2023-06-15、2023/6/15 或 2023.6.15'}
        rules={[coreRule((v?: string) => checkDayInput(v, '完成日期', { latest: chinaToday() }))]}
      >
        <Input aria-label="完成日期" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        name="evidence"
        label="完成依据"
        rules={[{ required: true, whitespace: true, message: '请写明完成依据，如文件名称、验收材料' }, coreRule((v?: string) => checkText(v, '完成依据', TEXT_LIMITS.medium))]}
      >
        <Input.TextArea rows={3} aria-label="完成依据" placeholder="如：《××管理办法》已印发（伊政办发〔2024〕×号）" count={counter(TEXT_LIMITS.medium)} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        标记为已完成
      </Button>
    </Form>
  );
}
