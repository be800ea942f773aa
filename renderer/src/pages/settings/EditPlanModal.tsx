import { Alert, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { PlanPeriod } from '../../../../shared/domain/plan-period';
import type { PlanData } from '../../../../shared/views/plan-data';
import { planInfoProblems, type PlanInfo } from '../../../../shared/app/plan-periods/plan-periods';

/**
 * 修改方案信息: a plan's name, 文号 and years, corrected after set-up. The core's rules (no overlap
 * with another plan, a closed plan's years fixed) are shown at the field they concern. Mounted
 * only while open: the form is filled once, so a re-read of the data never wipes what was typed.
 */
export function EditPlanModal(props: { plan: PlanPeriod; all: PlanData; busy: boolean; onSubmit: (info: PlanInfo) => void; onCancel: () => void }) {
  const [form] = Form.useForm<PlanInfo>();
  const { plan } = props;

  const submit = async () => {
    const values = await form.validateFields();
    const info: PlanInfo = { title: values.title ?? '', documentNumber: values.documentNumber ?? '', fromYear: values.fromYear, toYear: values.toYear };
    const problems = planInfoProblems(props.all, plan.id, info);
    if (problems.length) {
      form.setFields((['title', 'documentNumber', 'fromYear', 'toYear'] as const).map((name) => ({ name, errors: problems.filter((p) => p.field === name).map((p) => p.message) })));
      return;
    }
    props.onSubmit(info);
  };

  const closed = plan.status === 'closed';
  return (
    <Modal
      open
      title="修改方案信息"
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: props.busy, ...{ 'data-testid': 'save-plan-info' } }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={props.onCancel}
    >
      {closed && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="此方案已结束：名称和文号可以更正，年份随终期评估固定。" />}
      <Form form={form} layout="vertical" initialValues={{ title: plan.title, documentNumber: plan.documentNumber ?? '', fromYear: plan.fromYear, toYear: plan.toYear }}>
        <Form.Item name="title" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
          <Input aria-label="方案名称" maxLength={200} />
        </Form.Item>
        <Form.Item name="documentNumber" label="文号">
          <Input aria-label="文号" placeholder="如 伊政办发〔2022〕8号" maxLength={100} />
        </Form.Item>
        <Space align="start">
          <Form.Item name="fromYear" label="起始年" rules={[{ required: true, message: '请填写起始年' }]}>
            <InputNumber aria-label="起始年" disabled={closed} precision={0} />
          </Form.Item>
          <Form.Item name="toYear" label="结束年" rules={[{ required: true, message: '请填写结束年' }]}>
            <InputNumber aria-label="结束年" disabled={closed} precision={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
