import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PlanPeriod } from '../../../../shared/domain/plan-period';
import { chinaToday } from '../../../../shared/domain/time';
import { DAY_PICKER_FORMAT } from '../../components/picker-formats';

/** A mid-way revision: when, and which document or what changed. Each task's earlier wording stays in its audit trail. */
export function RevisePlanModal(props: { plan: PlanPeriod | null; onSubmit: (note: string, on: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ note: string; on: Dayjs }>();
  return (
    <Modal
      open={!!props.plan}
      title={props.plan ? `记录方案修订：${props.plan.title}` : ''}
      okText="保存"
      cancelText="取消"
      onOk={() => form.validateFields().then((v) => props.onSubmit(v.note, v.on.format('YYYY-MM-DD')))}
      onCancel={props.onCancel}
      destroyOnClose
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ on: dayjs(chinaToday()), note: '' }}>
        <Form.Item name="on" label="修订日期" rules={[{ required: true, message: '请选择修订日期' }]}>
          <DatePicker format={DAY_PICKER_FORMAT} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(chinaToday()), 'day')} />
        </Form.Item>
        <Form.Item name="note" label="修订文件或内容" rules={[{ required: true, whitespace: true, message: '请写明修订的文件或内容' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount aria-label="修订文件或内容" placeholder="如：伊政办发〔2024〕12号，调整工业固体废物第3、5项任务" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
