import { useMemo } from 'react';
import type { PlanData } from '../../../shared/views/plan-data';
import { useFormSource } from './use-form-source';
import { Alert, App as AntApp, Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Change } from '../../../shared/app/change';
import { commonParticipantRole, taskEditChange } from '../../../shared/views/record-edits';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_DOMAIN_LABELS, type ParticipantRole, type Task, type TaskDomain } from '../../../shared/domain/task';
import { parseDeadline } from '../../../shared/domain/parse-deadline';
import { deadlineKind, DEADLINE_KIND_LABELS } from '../../../shared/domain/deadline';
import { formatDateZh } from '../../../shared/domain/time';
import { useCommit } from '../app/use-commit';
import { checkDeadlineText, checkText, checkYear, TEXT_LIMITS } from '../../../shared/domain/validation';
import { coreRule, counter, useYearWindow } from './field-rules';

interface Values {
  domain: TaskDomain;
  domainLabel: string;
  number: string;
  title: string;
  summary: string;
  units: { departmentId: string; role: UnitRole; duty?: string }[];
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
    units: [
      ...task.leads.map((l) => ({ departmentId: l.departmentId, role: '牵头' as const, duty: l.duty })),
      ...task.participants.map((p) => ({ departmentId: p.departmentId, role: p.role, duty: p.duty })),
    ],
    leaderIds: task.leaderIds,
    deadlineText: task.deadline.text,
    milestones: task.milestones.map((m) => ({ years: m.years, text: m.text })),
  };
}

/** Every field of a task, editable; saving writes only what changed, as one undoable action. */
type UnitRole = '牵头' | ParticipantRole;
const UNIT_ROLES: UnitRole[] = ['牵头', '参与', '责任', '配合'];

export function TaskEditor({ task, plan }: { task: Task; plan: PlanData }) {
  // New helping units take the role word this plan uses most (参与 / 责任 / 配合).
  const defaultRole: ParticipantRole = useMemo(() => commonParticipantRole(plan.tasks), [plan.tasks]);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const years = useYearWindow(plan);
  const commit = useCommit();
  const source = useFormSource(form, toValues(task), task.id);
  const deadlineText = Form.useWatch('deadlineText', form) ?? task.deadline.text;
  const parsed = useMemo(() => parseDeadline(deadlineText), [deadlineText]);
  const kind = deadlineKind(parsed);
  const deadlineProblem = checkDeadlineText(deadlineText, '完成时限', years);

  const save = async (v: Values) => {
    const units = (v.units ?? []).filter((u) => u.departmentId);
    // The change is the core's (shared/views/record-edits.ts), the same as `zwc task edit`.
    let change: Change;
    try {
      change = taskEditChange(
        task,
        {
          domain: v.domain,
          domainLabel: v.domainLabel,
          number: v.number,
          title: v.title,
          summary: v.summary,
          leads: units.filter((u) => u.role === '牵头').map((u) => ({ departmentId: u.departmentId, duty: u.duty ?? '' })),
          participants: units.flatMap((u) => (u.role === '牵头' ? [] : [{ departmentId: u.departmentId, role: u.role, duty: u.duty ?? '' }])),
          leaderIds: v.leaderIds,
          deadlineText,
          milestones: v.milestones.map((m) => ({ years: (m.years ?? []).map(Number), text: m.text ?? '' })),
        },
        years,
      );
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return;
    }
    if (await commit(change)) source.saved();
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
      <Form.Item name="title" label="任务名称" rules={[coreRule((v?: string) => checkText(v, '任务名称', TEXT_LIMITS.title, true))]}>
        <Input aria-label="任务名称" count={counter(TEXT_LIMITS.title)} />
      </Form.Item>
      <Form.Item name="summary" label="内容简介" rules={[coreRule((v?: string) => checkText(v, '内容简介', TEXT_LIMITS.long))]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} aria-label="内容简介" count={counter(TEXT_LIMITS.long)} />
      </Form.Item>
      <Typography.Text strong>牵头单位与参与单位（含任务分工）</Typography.Text>
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <div data-testid="task-units" style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'role']} style={{ width: 100 }}>
                  <Select aria-label="单位角色" options={UNIT_ROLES.map((r) => ({ value: r, label: `${r}单位` }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'departmentId']} rules={[{ required: true, message: '请选择单位' }]} style={{ width: 230 }}>
                  <Select showSearch optionFilterProp="search" aria-label="单位" options={plan.departments.map((d) => ({ value: d.id, label: d.name, search: [d.name, ...d.aliases].join(' ') }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'duty']} style={{ width: 340 }}>
                  <Input placeholder="任务分工（可不填）" />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="移除此单位" />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ role: fields.length ? defaultRole : '牵头', departmentId: undefined })} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
              添加单位
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="leaderIds" label="责任领导">
        <Select mode="multiple" allowClear options={plan.leaders.map((l) => ({ value: l.id, label: `${l.name}${l.title ? `（${l.title}）` : ''}` }))} />
      </Form.Item>
      <Form.Item
        name="deadlineText"
        label="完成时限（按原文填写）"
        extra="如：2025年底前；持续推进；2023年底前……；2025年底前……；其余工作持续推进"
        rules={[coreRule((v?: string) => checkDeadlineText(v, '完成时限', years))]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label="完成时限" />
      </Form.Item>
      <Alert
        style={{ marginBottom: 16 }}
        type={deadlineProblem ? 'error' : kind === 'unspecified' && deadlineText.trim() ? 'warning' : 'info'}
        message={
          <span data-testid="deadline-parsed">
            {deadlineProblem ? `无法识别：${deadlineProblem}` : `识别为：${DEADLINE_KIND_LABELS[kind]}`}
            {deadlineProblem ? '' : parsed.points.map((p) => `；${formatDateZh(p.date)}前${p.scope ? `：${p.scope}` : ''}`).join('')}
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
                <Form.Item
                  name={[field.name, 'years']}
                  rules={[{ required: true, message: '请填写年份' }, coreRule((v?: (number | string)[]) => (v ?? []).map((y) => checkYear(y, '年度安排的年份', years)).find((p) => p) ?? null)]}
                >
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
