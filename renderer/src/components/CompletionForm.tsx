import { Alert, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Task } from '../../../shared/domain/task';
import { chinaToday, formatDateZh } from '../../../shared/domain/time';
import { useCommit } from '../app/use-commit';

/** Marks a task done with the day and the evidence (验收材料, 文件号 …), or takes that back. */
export function CompletionForm({ task }: { task: Task }) {
  const commit = useCommit();
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
      layout="vertical"
      initialValues={{ date: dayjs(chinaToday()), evidence: '' }}
      onFinish={(v: { date: Dayjs; evidence: string }) =>
        commit({ label: `标记完成 ${label}`, edits: [{ table: 'tasks', id: task.id, patch: { completion: { date: v.date.format('YYYY-MM-DD'), evidence: v.evidence.trim() } } }] })
      }
      data-testid="completion-form"
    >
      <Form.Item name="date" label="完成日期" rules={[{ required: true }]}>
        <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(chinaToday()), 'day')} />
      </Form.Item>
      <Form.Item name="evidence" label="完成依据" rules={[{ required: true, whitespace: true, message: '请写明完成依据，如文件名称、验收材料' }]}>
        <Input.TextArea rows={3} aria-label="完成依据" placeholder="如：《××管理办法》已印发（伊政办发〔2024〕×号）" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        标记为已完成
      </Button>
    </Form>
  );
}
