import { useEffect, useMemo, useState } from 'react';
import { Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { PROBLEM_KIND_LABELS, problemDueFor, type ProblemKind } from '../../../../shared/domain/problem';
import { TEXT_LIMITS } from '../../../../shared/domain/text-limits';
import { chinaToday } from '../../../../shared/domain/time';
import { subjectTitleOf, type ProblemContext } from '../../../../shared/views/problems';
import { DAY_PICKER_FORMAT } from '../picker-formats';
import { counter } from '../field-rules';
import { useProblemAction } from './use-problem-action';

export interface ProblemSubject {
  kind: 'task' | 'project';
  id: string;
}

interface Values {
  subject?: string;
  text?: string;
  kind: ProblemKind;
  raisedBy?: string;
  responsible?: string;
  raisedOn: Dayjs;
  due?: Dayjs;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const encode = (s: ProblemSubject) => `${s.kind}:${s.id}`;
const decode = (v: string): ProblemSubject => {
  const [kind, ...rest] = v.split(':');
  return { kind: kind === 'project' ? 'project' : 'task', id: rest.join(':') };
};

/** The subject's first lead unit (task) or 责任/建设单位 (project): who answers for a problem by default. */
function defaultResponsible(ctx: ProblemContext, s: ProblemSubject): string | undefined {
  if (s.kind === 'task') return ctx.tasks.find((t) => t.id === s.id)?.leads[0]?.departmentId;
  const p = ctx.projects.find((x) => x.id === s.id);
  return p?.responsibleUnitIds[0] ?? p?.constructionUnitIds[0];
}

/**
 * 登记问题 directly (not from a report): the task or project, the text, 一般/复杂/特殊, who raised it
 * and who answers for it, the day; the due date follows the rules (1 or 3 months), 特殊 takes the
 * office's date. Each field says what is wrong at the field; the service checks again (ws.problems.create).
 */
export function NewProblemModal(props: { open: boolean; onClose(): void; ctx: ProblemContext; officeCode: string; subject?: ProblemSubject }) {
  const { open, onClose, ctx, officeCode, subject } = props;
  const [form] = Form.useForm<Values>();
  const run = useProblemAction();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'general';
  const raisedOn = Form.useWatch('raisedOn', form);
  const ruled = raisedOn ? problemDueFor(kind, day(raisedOn)) : null;
  useEffect(() => {
    if (open) form.setFieldsValue({ subject: subject ? encode(subject) : undefined, responsible: subject ? defaultResponsible(ctx, subject) : undefined });
  }, [open, subject, ctx, form]);

  const subjects = useMemo(
    () => [
      { label: '任务', options: ctx.tasks.map((t) => ({ value: encode({ kind: 'task', id: t.id }), label: subjectTitleOf(ctx, 'task', t.id) })) },
      { label: '项目', options: ctx.projects.map((p) => ({ value: encode({ kind: 'project', id: p.id }), label: p.name })) },
    ],
    [ctx],
  );
  const units = ctx.departments.map((d) => ({ value: d.id, label: d.name }));

  const finish = async (v: Values) => {
    if (!v.subject || !v.text) return;
    const s = decode(v.subject);
    setBusy(true);
    const ok = await run(
      (ws) =>
        ws.problems.create(officeCode, {
          subjectKind: s.kind,
          subjectId: s.id,
          text: v.text?.trim() ?? '',
          kind: v.kind,
          raisedBy: v.raisedBy ? { departmentId: v.raisedBy } : { name: '无废办' },
          responsibleId: v.responsible ?? null,
          raisedOn: day(v.raisedOn),
          ...(v.kind === 'special' && v.due ? { due: day(v.due) } : {}),
        }),
      '已登记问题',
    );
    setBusy(false);
    if (ok) {
      form.resetFields();
      onClose();
    }
  };

  return (
    <Modal open={open} title="登记问题" okText="登记" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} width={680} destroyOnClose data-testid="new-problem-modal">
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'general', raisedOn: dayjs(chinaToday()) }} onFinish={(v) => void finish(v)} preserve={false}>
        <Form.Item name="subject" label="所属任务或项目" rules={[{ required: true, message: '请选择问题所属的任务或项目' }]}>
          <Select
            aria-label="所属任务或项目"
            showSearch
            optionFilterProp="label"
            placeholder="输入名称查找"
            options={subjects}
            onChange={(v: string) => form.setFieldValue('responsible', defaultResponsible(ctx, decode(v)))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label="问题描述"
          rules={[
            { required: true, whitespace: true, message: '请填写问题描述' },
            { max: TEXT_LIMITS.long, message: `问题描述不能超过 ${TEXT_LIMITS.long} 字` },
          ]}
        >
          <Input.TextArea rows={3} aria-label="问题描述" count={counter(TEXT_LIMITS.long)} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="raisedBy" label="反映单位">
              <Select aria-label="反映单位" allowClear showSearch optionFilterProp="label" placeholder="无废办" options={units} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsible" label="责任单位" rules={[{ required: true, message: '请选择负责整改的责任单位' }]}>
              <Select aria-label="责任单位" showSearch optionFilterProp="label" options={units} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label="类别">
              <Radio.Group options={(['general', 'complex', 'special'] as const).map((k) => ({ value: k, label: PROBLEM_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="raisedOn"
              label="提出日期"
              rules={[
                { required: true, message: '请选择提出日期' },
                { validator: (_, d?: Dayjs) => (d && day(d) > chinaToday() ? Promise.reject(new Error('提出日期不能晚于今天')) : Promise.resolve()) },
              ]}
            >
              <DatePicker format={DAY_PICKER_FORMAT} allowClear={false} style={{ width: '100%' }} aria-label="提出日期" />
            </Form.Item>
          </Col>
          <Col span={8}>
            {kind === 'special' ? (
              <Form.Item
                name="due"
                label="办结时限"
                dependencies={['raisedOn']}
                rules={[
                  { required: true, message: '特殊问题请确定办结时限' },
                  { validator: (_, d?: Dayjs) => (d && raisedOn && day(d) < day(raisedOn) ? Promise.reject(new Error(`办结时限不能早于提出日期 ${day(raisedOn)}`)) : Promise.resolve()) },
                ]}
              >
                <DatePicker format={DAY_PICKER_FORMAT} style={{ width: '100%' }} aria-label="办结时限" />
              </Form.Item>
            ) : (
              <Form.Item label="办结时限">
                <Typography.Text data-testid="new-problem-due">{ruled ?? '—'}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {kind === 'general' ? '一般问题 1 个月内办结' : '复杂问题 3 个月内办结'}
                </Typography.Text>
              </Form.Item>
            )}
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
