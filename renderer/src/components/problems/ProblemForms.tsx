import { useState, type ReactNode } from 'react';
import { Button, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Problem } from '../../../../shared/domain/problem';
import { TEXT_LIMITS as PROBLEM_TEXT_LIMITS } from '../../../../shared/domain/text-limits';
import type { Department } from '../../../../shared/domain/department';
import type { Workspace } from '../../../../shared/app/workspace';
import { chinaToday } from '../../../../shared/domain/time';
import { DAY_PICKER_FORMAT } from '../picker-formats';
import { counter } from '../field-rules';
import { useTouchedGuard } from '../unsaved-guard';
import { useProblemAction } from './use-problem-action';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const required = (what: string) => ({ required: true, whitespace: true, message: `请填写${what}` });
const notBefore = (raisedOn: string, what: string) => ({
  validator: (_: unknown, d?: Dayjs) => (d && day(d) < raisedOn ? Promise.reject(new Error(`${what}不能早于提出日期 ${raisedOn}`)) : Promise.resolve()),
});
const notAfterToday = (what: string) => ({
  validator: (_: unknown, d?: Dayjs) => (d && day(d) > chinaToday() ? Promise.reject(new Error(`${what}不能晚于今天`)) : Promise.resolve()),
});

/** One action's form: Enter in a one-line field submits, the drawer's Esc asks first when typing would be lost. */
function ActionForm<V extends object>(props: { testId: string; submit: string; initial: Partial<V>; act: (v: V, ws: Workspace) => Promise<unknown>; done: string; children: ReactNode; danger?: boolean }) {
  const [form] = Form.useForm<V>();
  const run = useProblemAction();
  const [busy, setBusy] = useState(false);
  useTouchedGuard(form);
  const finish = async (v: V) => {
    setBusy(true);
    if (await run((ws) => props.act(v, ws), props.done)) form.resetFields();
    setBusy(false);
  };
  return (
    <Form form={form} layout="vertical" initialValues={props.initial} onFinish={(v) => void finish(v)} data-testid={props.testId}>
      {props.children}
      <Button type="primary" danger={props.danger} htmlType="submit" loading={busy}>
        {props.submit}
      </Button>
    </Form>
  );
}

/** 跟进: a unit's 处理进展 and whether it says the problem is solved (only 销号 closes it). */
export function FollowUpForm({ problem, departments }: { problem: Problem; departments: readonly Department[] }) {
  type V = { date: Dayjs; unit?: string; text: string; resolved: boolean };
  return (
    <ActionForm<V>
      testId="problem-follow-up-form"
      submit="保存处理进展"
      done="已记录处理进展"
      initial={{ date: dayjs(chinaToday()), unit: problem.responsibleId ?? undefined, resolved: false }}
      act={(v, ws) => ws.problems.followUp(problem.id, { date: day(v.date), unit: v.unit ? { departmentId: v.unit } : { name: '无废办' }, text: v.text.trim(), resolved: v.resolved })}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }, notBefore(problem.raisedOn, '进展日期'), notAfterToday('进展日期')]}>
            <DatePicker format={DAY_PICKER_FORMAT} allowClear={false} style={{ width: '100%' }} aria-label="进展日期" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="unit" label="办理单位">
            <Select aria-label="办理单位" allowClear placeholder="无废办" showSearch optionFilterProp="label" options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="resolved" label="是否解决">
            <Radio.Group options={[{ value: false, label: '否' }, { value: true, label: '是' }]} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="text" label="处理进展" rules={[required('处理进展'), { max: PROBLEM_TEXT_LIMITS.long, message: `处理进展不能超过 ${PROBLEM_TEXT_LIMITS.long} 字` }]}>
        <Input.TextArea rows={3} aria-label="处理进展" count={counter(PROBLEM_TEXT_LIMITS.long)} />
      </Form.Item>
    </ActionForm>
  );
}

/** 调整期限: a new due date, always with its reason (kept in the history). */
export function DueForm({ problem }: { problem: Problem }) {
  type V = { due: Dayjs; reason: string };
  return (
    <ActionForm<V> testId="problem-due-form" submit="调整期限" done="已调整办结时限" initial={{}} act={(v, ws) => ws.problems.setDue(problem.id, day(v.due), v.reason)}>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="due"
            label={`新的办结时限（现为 ${problem.due}）`}
            rules={[{ required: true, message: '请选择新的办结时限' }, notBefore(problem.raisedOn, '办结时限'), { validator: (_: unknown, d?: Dayjs) => (d && day(d) === problem.due ? Promise.reject(new Error(`办结时限已是 ${problem.due}`)) : Promise.resolve()) }]}
          >
            <DatePicker format={DAY_PICKER_FORMAT} style={{ width: '100%' }} aria-label="新的办结时限" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="reason" label="调整理由" rules={[required('调整理由'), { max: PROBLEM_TEXT_LIMITS.medium, message: `理由不能超过 ${PROBLEM_TEXT_LIMITS.medium} 字` }]}>
            <Input aria-label="调整理由" placeholder="如：需协调资金，经分管领导同意延期" />
          </Form.Item>
        </Col>
      </Row>
    </ActionForm>
  );
}

/** 销号: the day, the evidence and who confirmed it. */
export function CloseForm({ problem }: { problem: Problem }) {
  type V = { date: Dayjs; evidence: string; confirmedBy: string };
  return (
    <ActionForm<V>
      testId="problem-close-form"
      submit="销号"
      done="问题已销号"
      initial={{ date: dayjs(chinaToday()) }}
      act={(v, ws) => ws.problems.close(problem.id, { date: day(v.date), evidence: v.evidence, confirmedBy: v.confirmedBy })}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="date" label="销号日期" rules={[{ required: true, message: '请选择销号日期' }, notBefore(problem.raisedOn, '销号日期'), notAfterToday('销号日期')]}>
            <DatePicker format={DAY_PICKER_FORMAT} allowClear={false} style={{ width: '100%' }} aria-label="销号日期" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="confirmedBy" label="确认人" rules={[required('确认人'), { max: PROBLEM_TEXT_LIMITS.name, message: `确认人不能超过 ${PROBLEM_TEXT_LIMITS.name} 字` }]}>
            <Input aria-label="确认人" placeholder="如：无废办 张三" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="evidence" label="销号依据" rules={[required('销号依据（办结材料、现场核查情况等）'), { max: PROBLEM_TEXT_LIMITS.medium, message: `依据不能超过 ${PROBLEM_TEXT_LIMITS.medium} 字` }]}>
        <Input.TextArea rows={2} aria-label="销号依据" placeholder="办结材料、现场核查情况等" count={counter(PROBLEM_TEXT_LIMITS.medium)} />
      </Form.Item>
    </ActionForm>
  );
}

/** 重新打开: undoes a 销号 with its reason; the closing stays in the history. */
export function ReopenForm({ problem }: { problem: Problem }) {
  type V = { reason: string };
  return (
    <ActionForm<V> testId="problem-reopen-form" submit="重新打开" done="问题已重新打开" initial={{}} act={(v, ws) => ws.problems.reopen(problem.id, v.reason)} danger>
      <Form.Item name="reason" label="重新打开的理由" rules={[required('重新打开的理由'), { max: PROBLEM_TEXT_LIMITS.medium, message: `理由不能超过 ${PROBLEM_TEXT_LIMITS.medium} 字` }]}>
        <Input aria-label="重新打开的理由" placeholder="如：复查发现问题仍未解决" />
      </Form.Item>
    </ActionForm>
  );
}
