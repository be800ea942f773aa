import { useEffect, useMemo } from 'react';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Typography } from "antd";
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_DOMAIN_LABELS, type Milestone, type ParticipantRole, type Task, type TaskDomain } from '../../../shared/domain/task';
import { parseDeadline } from '../../../shared/domain/parse-deadline';
import { deadlineKind, DEADLINE_KIND_LABELS } from '../../../shared/domain/deadline';
import { formatDateZh } from '../../../shared/domain/time';
import type { PlanView } from '../app/store';
import { useCommit } from '../app/use-commit';
import { DepartmentSelect } from './DepartmentSelect';

interface Values {
  domain: TaskDomain;
  domainLabel: string;
  number: string;
  title: string;
  summary: string;
  leadIds: string[];
  participantIds: string[];
  participantRole: ParticipantRole;
  leaderIds: string[];
  deadlineText: string;
  milestones: { years: number[]; text: string }[];
}

function toValues(task: Task): Values {
  return {
    domain: task.domain,
    domainLabel: task.domainLabel,
    number: task.number,
    title: task.title,
    summary: task.summary,
    leadIds: task.leads.map((l) => l.departmentId),
    participantIds: task.participants.map((p) => p.departmentId),
    participantRole: task.participants[0]?.role ?? '参与',
    leaderIds: task.leaderIds,
    deadlineText: task.deadline.text,
    milestones: task.milestones.map((m) => ({ years: m.years, text: m.text })),
  };
}

/** Every field of a task, editable; saving writes only what changed, as one undoable action. */
export function TaskEditor({ task, plan }: { task: Task; plan: PlanView }) {
  const [form] = Form.useForm<Values>();
  const commit = useCommit();
  useEffect(() => form.setFieldsValue(toValues(task)), [form, task]);
  const deadlineText = Form.useWatch('deadlineText', form) ?? task.deadline.text;
  const parsed = useMemo(() => parseDeadline(deadlineText), [deadlineText]);
  const kind = deadlineKind(parsed);

  const save = async (v: Values) => {
    // Existing units keep their role word and duty; new ones get the role chosen here.
    const keepLead = new Map(task.leads.map((l) => [l.departmentId, l]));
    const keepPart = new Map(task.participants.map((p) => [p.departmentId, p]));
    const milestones: Milestone[] = v.milestones
      .map((m) => ({ years: [...new Set((m.years ?? []).map(Number))].filter((y) => Number.isInteger(y) && y > 2000).sort(), text: (m.text ?? "").trim() }))
      .filter((m) => m.text && m.years.length);
    const patch: Partial<Task> = {
      domain: v.domain,
      domainLabel: v.domainLabel.trim(),
      number: v.number.trim(),
      title: v.title.trim(),
      summary: v.summary.trim(),
      leads: v.leadIds.map((id) => keepLead.get(id) ?? { departmentId: id }),
      participants: v.participantIds.filter((id) => !v.leadIds.includes(id)).map((id) => keepPart.get(id) ?? { departmentId: id, role: v.participantRole }),
      leaderIds: v.leaderIds,
      deadline: deadlineText === task.deadline.text ? task.deadline : parsed,
      milestones,
    };
    await commit({ label: `修改任务 ${task.domainLabel} ${task.number}`, edits: [{ table: 'tasks', id: task.id, patch }] });
  };

  return (
    <Form form={form} layout="vertical" onFinish={save} data-testid="task-editor">
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="domain" label="领域" rules={[{ required: true }]}>
            <Select options={Object.entries(TASK_DOMAIN_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="domainLabel" label="方案中的领域名称" rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="number" label="序号" rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label="任务名称" rules={[{ required: true, whitespace: true, message: '任务名称不能为空' }]}>
        <Input aria-label="任务名称" />
      </Form.Item>
      <Form.Item name="summary" label="内容简介">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} aria-label="内容简介" />
      </Form.Item>
      <Form.Item name="leadIds" label="牵头单位">
        <DepartmentSelect departments={plan.departments} ariaLabel="牵头单位" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={18}>
          <Form.Item name="participantIds" label="参与/配合单位">
            <DepartmentSelect departments={plan.departments} ariaLabel="参与单位" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="participantRole" label="新增单位称为" tooltip="方案原文对参与单位的称呼">
            <Select options={['参与', '责任', '配合'].map((r) => ({ value: r, label: `${r}单位` }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="leaderIds" label="责任领导">
        <Select mode="multiple" allowClear options={plan.leaders.map((l) => ({ value: l.id, label: `${l.name}${l.title ? `（${l.title}）` : ''}` }))} />
      </Form.Item>
      <Form.Item name="deadlineText" label="完成时限（按原文填写）" extra="如：2025年底前；持续推进；2023年底前……；2025年底前……；其余工作持续推进">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label="完成时限" />
      </Form.Item>
      <Alert
        style={{ marginBottom: 16 }}
        type={kind === 'unspecified' && deadlineText.trim() ? 'warning' : 'info'}
        message={
          <span data-testid="deadline-parsed">
            识别为：{DEADLINE_KIND_LABELS[kind]}
            {parsed.points.map((p) => `；${formatDateZh(p.date)}前${p.scope ? `：${p.scope}` : ''}`).join('')}
            {kind === 'unspecified' && deadlineText.trim() ? '（未能识别日期，状态将不判断逾期）' : ''}
          </span>
        }
      />
      <Typography.Text strong>时间安排（分年度）</Typography.Text>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item name={[field.name, 'years']} rules={[{ required: true, message: '年份' }]}>
                  <Select mode="tags" style={{ width: 160 }} placeholder="年份" tokenSeparators={[',', '、', ' ']} options={[2023, 2024, 2025].map((y) => ({ value: y, label: `${y}年` }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, message: '内容' }]} style={{ width: 420 }}>
                  <Input placeholder="该年度应完成的工作" />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除此年度安排" />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ years: [], text: '' })} icon={<PlusOutlined />} style={{ margin: '8px 0 16px' }}>
              添加年度安排
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit">
          保存修改
        </Button>
      </div>
    </Form>
  );
}
