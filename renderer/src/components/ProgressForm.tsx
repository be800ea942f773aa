import { useFormSource } from './use-form-source';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Slider } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { REPORTED_STATUS_LABELS, reportedStatusFor, type ProgressEntry, type ReportedStatus } from '../../../shared/domain/progress';
import { parseWan } from '../../../shared/domain/money';
import { formatMomentZh } from '../../../shared/domain/time';
import { useLedger, useWorkspace } from '../app/store';
import { newId, useCommit } from '../app/use-commit';

/** Slider and number box for one percentage, as one form control. */
function PercentInput({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <Slider min={0} max={100} step={5} value={value} onChange={onChange} style={{ flex: 1 }} />
      <InputNumber min={0} max={100} value={value} onChange={(v) => onChange?.(v ?? 0)} style={{ width: 70 }} aria-label="完成进度" />
    </div>
  );
}

interface Values {
  period: Dayjs;
  percent: number;
  status: ReportedStatus;
  thisMonth: string;
  problems: string;
  nextSteps: string;
  reportedBy: string;
  investmentToDate?: string;
  investmentThisYear?: string;
}

/**
 * 本月进展 form for a task or a project. Reports are append-only: saving again for the same month
 * adds a correction, and the latest one counts.
 */
export function ProgressForm(props: { subjectKind: 'task' | 'project'; subjectId: string; label: string; officeCode: string; previous?: ProgressEntry }) {
  const { subjectKind, subjectId, label, officeCode, previous } = props;
  const period = useLedger((s) => s.period);
  const deviceId = useWorkspace().deviceId;
  const commit = useCommit();
  const [form] = Form.useForm<Values>();

  // A report already saved for this month is shown for correction, so a clerk never wonders
  // whether it was saved and never types it twice.
  const sameMonth = previous?.period === period ? previous : undefined;
  useFormSource(
    form,
    {
      period: dayjs(`${period}-01`),
      percent: previous?.percent ?? 0,
      status: previous?.status ?? 'in-progress',
      thisMonth: sameMonth?.thisMonth ?? '',
      problems: sameMonth?.problems ?? '',
      nextSteps: previous?.nextSteps ?? '',
      reportedBy: previous?.reportedBy ?? '',
      investmentToDate: previous?.investmentToDate,
      investmentThisYear: previous?.investmentThisYear,
    },
    `${subjectId}@${period}`,
  );

  const save = async (v: Values) => {
    const entry: ProgressEntry = {
      id: newId('pe'),
      officeCode,
      subjectKind,
      subjectId,
      period: v.period.format('YYYY-MM'),
      percent: v.percent,
      status: reportedStatusFor(v.percent, v.status),
      thisMonth: v.thisMonth.trim(),
      problems: (v.problems ?? '').trim(),
      nextSteps: (v.nextSteps ?? '').trim(),
      reportedBy: (v.reportedBy ?? '').trim(),
      reportedAt: new Date().toISOString(),
      deviceId,
      ...(subjectKind === 'project' && v.investmentToDate ? { investmentToDate: parseWan(v.investmentToDate) ?? v.investmentToDate } : {}),
      ...(subjectKind === 'project' && v.investmentThisYear ? { investmentThisYear: parseWan(v.investmentThisYear) ?? v.investmentThisYear } : {}),
    };
    await commit({ label: `填报进展 ${label}`, appends: [{ table: 'progress', record: entry }] }, `已保存 ${entry.period} 进展`);
  };

  const wanRule = { validator: (_: unknown, v?: string) => (!v || parseWan(v) ? Promise.resolve() : Promise.reject(new Error('请填写金额（万元），如 1200 或 350.5'))) };

  return (
    <Form form={form} layout="vertical" onFinish={save} data-testid="progress-form">
      {sameMonth && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="progress-already-reported"
          message={`${period.replace('-', '年')}月进展已于 ${formatMomentZh(sameMonth.reportedAt)} 报送；修改后再次保存即为更正，以最后一次为准。`}
        />
      )}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="period" label="月份" rules={[{ required: true }]}>
            <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="status" label="状态">
            <Select options={Object.entries(REPORTED_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="percent" label="完成进度（%）" rules={[{ required: true }]}>
            <PercentInput />
          </Form.Item>
        </Col>
      </Row>
      {subjectKind === 'project' && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="investmentToDate" label="累计完成投资（万元）" rules={[wanRule]}>
              <Input aria-label="累计完成投资" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="investmentThisYear" label="本年完成投资（万元）" rules={[wanRule]}>
              <Input aria-label="本年完成投资" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="thisMonth" label="本月进展" rules={[{ required: true, whitespace: true, message: '请填写本月进展' }]}>
        <Input.TextArea rows={3} aria-label="本月进展" />
      </Form.Item>
      <Form.Item name="problems" label="存在问题">
        <Input.TextArea rows={2} aria-label="存在问题" />
      </Form.Item>
      <Form.Item name="nextSteps" label="下步计划">
        <Input.TextArea rows={2} aria-label="下步计划" />
      </Form.Item>
      <Form.Item name="reportedBy" label="填报单位/人">
        <Input aria-label="填报单位" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        保存进展
      </Button>
    </Form>
  );
}
