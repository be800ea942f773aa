import { useMemo } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import type { PlanPeriod } from '../../../../shared/domain/plan-period';
import { parseDeadline } from '../../../../shared/domain/parse-deadline';
import type { PlanData } from '../../../../shared/views/plan-data';
import { chinaToday } from '../../../../shared/domain/time';
import { unfinishedTasks, type NextPlanInput } from '../../../../shared/app/plan-periods/plan-periods';

interface Values {
  title: string;
  documentNumber?: string;
  fromYear: number;
  toYear: number;
  carryTaskIds: string[];
  deadlineText: string;
  carryIndicators: boolean;
}

type Unfinished = ReturnType<typeof unfinishedTasks>;

/**
 * The unfinished tasks, a box each; as a form field it is given the chosen ids and hands on the new
 * ones. Each box updates the choice itself, not through antd's Checkbox.Group, which drops a tick
 * made before its boxes have registered (see NoticeModal).
 */
function CarryTasks({ rows, value = [], onChange }: { rows: Unfinished; value?: string[]; onChange?: (ids: string[]) => void }) {
  const tick = (id: string, on: boolean) => onChange?.(on ? (value.includes(id) ? value : [...value, id]) : value.filter((x) => x !== id));
  return (
    <Table
      size="small"
      rowKey={(r) => r.task.id}
      pagination={false}
      scroll={{ y: 240 }}
      dataSource={rows}
      columns={[
        { title: '', width: 40, render: (_, r) => <Checkbox checked={value.includes(r.task.id)} onChange={(e) => tick(r.task.id, e.target.checked)} aria-label={`结转 ${r.task.title}`} /> },
        { title: '任务', render: (_, r) => `${r.task.domainLabel} ${r.task.number}. ${r.task.title}` },
        { title: '状态', width: 180, render: (_, r) => r.status.reason },
      ]}
    />
  );
}

/** Starting the next plan period: its name, years and 文号; which unfinished tasks carry over, with one new deadline. */
export function NextPlanModal(props: { open: boolean; previous: PlanPeriod | undefined; all: PlanData; busy: boolean; onSubmit: (v: NextPlanInput) => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const { previous } = props;
  const unfinished = useMemo(() => {
    if (!previous) return [];
    return unfinishedTasks(props.all, previous.id, chinaToday());
  }, [previous, props.all]);
  const deadlineText = Form.useWatch('deadlineText', form) ?? '';
  const parsed = deadlineText.trim() ? parseDeadline(deadlineText) : null;
  const from = previous ? previous.toYear + 1 : new Date().getFullYear();
  return (
    <Modal
      open={props.open}
      title="开始下一期方案"
      okText="开始新方案"
      cancelText="取消"
      width={820}
      okButtonProps={{ loading: props.busy, ...{ 'data-testid': 'confirm-next-plan' } }}
      onOk={() => form.validateFields().then((v) => props.onSubmit({ ...v, carryTaskIds: v.carryTaskIds ?? [] }))}
      onCancel={props.onCancel}
      destroyOnClose
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ title: '“十五五”时期“无废城市”建设实施方案', fromYear: from, toYear: from + 4, carryTaskIds: unfinished.map((r) => r.task.id), deadlineText: `${from + 1}年底前`, carryIndicators: true }}
      >
        <Space wrap align="start">
          <Form.Item name="title" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]} style={{ width: 380 }}>
            <Input aria-label="方案名称" maxLength={200} />
          </Form.Item>
          <Form.Item name="documentNumber" label="文号" style={{ width: 220 }}>
            <Input aria-label="文号" placeholder="如 伊政办发〔2026〕8号" maxLength={100} />
          </Form.Item>
          <Form.Item name="fromYear" label="起始年" rules={[{ required: true, type: 'integer', min: from, max: 2100, message: `起始年应在 ${from}—2100 之间` }]}>
            <InputNumber aria-label="起始年" />
          </Form.Item>
          <Form.Item name="toYear" label="结束年" rules={[{ required: true, type: 'integer', min: from, max: 2100, message: `结束年应在 ${from}—2100 之间` }]}>
            <InputNumber aria-label="结束年" />
          </Form.Item>
        </Space>
        <Form.Item name="carryIndicators" valuePropName="checked">
          <Checkbox>结转指标体系：以最后一次实际值为新现状值，新方案各年目标待填</Checkbox>
        </Form.Item>
        <Form.Item
          name="deadlineText"
          label="结转任务的新完成时限"
          extra={parsed ? `识别为：${parsed.points.map((p) => p.date).join('、') || parsed.open || '无具体日期'}` : undefined}
          rules={[{ required: true, whitespace: true, message: '请填写新完成时限，如 2027年底前' }]}
        >
          <Input aria-label="新完成时限" style={{ width: 240 }} />
        </Form.Item>
        <Typography.Text>上一期未完成的任务（{unfinished.length} 项），勾选要结转的：</Typography.Text>
        <Form.Item name="carryTaskIds" noStyle>
          <CarryTasks rows={unfinished} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
