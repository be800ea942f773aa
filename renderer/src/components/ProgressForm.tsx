import { useFormSource } from './use-form-source';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Slider } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { REPORTED_STATUS_LABELS, type ProgressEntry, type ReportedStatus } from '../../../shared/domain/progress';
import { progressEntry } from '../../../shared/views/progress-entry';
import { parseWan } from '../../../shared/domain/money';
import { formatMomentZh, formatPeriodZh } from '../../../shared/domain/time';
import { checkPercent, checkTaskReportNotCompletion, checkText, checkWan, investmentWarning, TEXT_LIMITS } from '../../../shared/domain/validation';
import { coreRule, counter } from './field-rules';
import { useAppState, useWorkspace } from '../app/store';
import { newId, useCommit } from '../app/use-commit';
import { MONTH_PICKER_FORMAT } from './picker-formats';
import { OFFICE_UNIT, ReporterFields } from './ReporterFields';
import { rememberCaller, rememberedCaller } from '../app/caller-memory';
import { newer, type ReportUnits } from '../../../shared/domain/reporting-rule';
import { useRaiseOffer } from './problems/use-raise-offer';

/** The latest correction among some reports (by time, then id: never by the order they arrived in). */
function latestOf(entries: readonly ProgressEntry[]): ProgressEntry | undefined {
  return entries.reduce<ProgressEntry | undefined>((best, e) => (!best || newer(e, best) ? e : best), undefined);
}

/**
 * Slider and number box for one percentage, as one form control. The box keeps exactly what was
 * typed ("150", "abc"): the core's rule says what is wrong instead of the box quietly changing it.
 */
function PercentInput({ value, onChange }: { value?: number | string; onChange?: (v: number | string) => void }) {
  const n = typeof value === 'number' ? value : Number(value);
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <Slider min={0} max={100} step={5} value={Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0} onChange={onChange} style={{ flex: 1 }} aria-label="拖动调整进度" ariaLabelForHandle="拖动调整进度" />
      <Input value={value === undefined ? '' : String(value)} onChange={(e) => onChange?.(e.target.value)} style={{ width: 70 }} aria-label="完成进度" inputMode="decimal" />
    </div>
  );
}

interface Values {
  period: Dayjs;
  percent: number | string;
  status: ReportedStatus;
  thisMonth: string;
  problems: string;
  nextSteps: string;
  departmentId: string;
  reportedBy: string;
  investmentToDate?: string;
  investmentThisYear?: string;
}

/**
 * 本月进展 form for a task or a project. Reports are append-only: saving again for the same month
 * adds a correction, and the latest one counts.
 */
export function ProgressForm(props: {
  subjectKind: 'task' | 'project';
  subjectId: string;
  label: string;
  officeCode: string;
  /** The figure's report (a lead unit's, reporting-rule.ts): 完成进度 starts from it. */
  previous?: ProgressEntry;
  /** Who reports on the subject, and every report on it (each with its unit), for 填报单位. */
  units: ReportUnits;
  history: readonly ProgressEntry[];
  /** Projects: the planned total (万元), to compare completed investment with. */
  plannedInvestment?: string | null;
  /** Projects: asked after the first investment is recorded while the project is 未开工. */
  onFirstInvestment?: () => void;
}) {
  const { subjectKind, subjectId, label, officeCode, previous, units, history, plannedInvestment, onFirstInvestment } = props;
  const period = useAppState((s) => s.period);
  const deviceId = useWorkspace().deviceId;
  const commit = useCommit();
  const [form] = Form.useForm<Values>();
  const [offerRaise, raiseModal] = useRaiseOffer(officeCode);

  // The unit on the phone last time, if it has a part in this subject; else its (first) lead unit.
  const caller = rememberedCaller();
  const all = [...units.counting, ...units.participants];
  const defaultUnit = caller && (all.includes(caller.departmentId) || caller.departmentId === OFFICE_UNIT) ? caller.departmentId : (units.owing[0] ?? OFFICE_UNIT);
  const unit = (Form.useWatch('departmentId', form) as string | undefined) ?? defaultUnit;
  // A report this unit already saved for this month is shown for correction, so a clerk never
  // wonders whether it was saved and never types it twice.
  const sameMonthOf = (u: string) => latestOf(history.filter((e) => e.period === period && (e.departmentId ?? OFFICE_UNIT) === u));
  const sameMonth = sameMonthOf(unit);
  const initial = sameMonthOf(defaultUnit);
  const source = useFormSource(
    form,
    {
      period: dayjs(`${period}-01`),
      percent: (initial ?? previous)?.percent ?? 0,
      status: (initial ?? previous)?.status ?? 'in-progress',
      thisMonth: initial?.thisMonth ?? '',
      problems: initial?.problems ?? '',
      nextSteps: (initial ?? previous)?.nextSteps ?? '',
      departmentId: defaultUnit,
      reportedBy: initial?.reportedBy ?? caller?.reportedBy ?? '',
      investmentToDate: (initial ?? previous)?.investmentToDate,
      investmentThisYear: (initial ?? previous)?.investmentThisYear,
    },
    `${subjectId}@${period}`,
  );

  const save = async (v: Values) => {
    const entry = progressEntry(
      {
        subjectKind,
        subjectId,
        period: v.period.format('YYYY-MM'),
        percent: Number(v.percent),
        status: v.status,
        thisMonth: v.thisMonth,
        problems: v.problems,
        nextSteps: v.nextSteps,
        reportedBy: v.reportedBy,
        departmentId: v.departmentId,
        investmentToDate: v.investmentToDate,
        investmentThisYear: v.investmentThisYear,
      },
      { id: newId('pe'), officeCode, reportedAt: new Date().toISOString(), deviceId },
    );
    const firstInvestment = subjectKind === 'project' && !previous?.investmentToDate && !previous?.investmentThisYear && !!(entry.investmentToDate || entry.investmentThisYear);
    const saved = await commit({ label: `填报进展 ${label}`, appends: [{ table: 'progress', record: entry }] }, `已保存 ${formatPeriodZh(entry.period)}进展`);
    if (saved) {
      source.saved();
      rememberCaller({ departmentId: v.departmentId ?? OFFICE_UNIT, reportedBy: entry.reportedBy });
      offerRaise(entry);
    }
    if (saved && firstInvestment) onFirstInvestment?.();
  };

  const wanRule = (field: string) => coreRule((v?: string) => checkWan(v, field));
  const percentRule = coreRule((v: number | string) => checkPercent(v) ?? checkTaskReportNotCompletion(subjectKind, Number(v), form.getFieldValue('status') as string));
  const textRule = (field: string, max: number, required = false) => coreRule((v?: string) => checkText(v, field, max, required));
  const overPlanned = coreRule((v?: string) => (v && !checkWan(v, '') ? investmentWarning(parseWan(v), plannedInvestment) : null), true);

  return (
    <>
      <Form form={form} layout="vertical" onFinish={save} data-testid="progress-form">
        {sameMonth && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="progress-already-reported"
            message={`${formatPeriodZh(period)}进展已于 ${formatMomentZh(sameMonth.reportedAt)} 报送；修改后再次保存即为更正，以最后一次为准。`}
          />
        )}
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="period" label="月份" rules={[{ required: true }]}>
              <DatePicker picker="month" format={MONTH_PICKER_FORMAT} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label="状态">
              {/* A task is completed in 完成情况, with its day and evidence; a report cannot do it. */}
              <Select aria-label="进展状态" options={Object.entries(REPORTED_STATUS_LABELS).filter(([value]) => subjectKind === 'project' || value !== 'done').map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="percent" label="完成进度（%）" rules={[percentRule]} dependencies={['status']}>
              <PercentInput />
            </Form.Item>
          </Col>
        </Row>
        {subjectKind === 'project' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="investmentToDate" label="累计完成投资（万元）" rules={[wanRule('累计完成投资'), overPlanned]}>
                <Input aria-label="累计完成投资" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="investmentThisYear" label="本年完成投资（万元）" rules={[wanRule('本年完成投资')]}>
                <Input aria-label="本年完成投资" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="thisMonth" label="本月进展" rules={[textRule('本月进展', TEXT_LIMITS.long, true)]}>
          <Input.TextArea rows={3} aria-label="本月进展" count={counter(TEXT_LIMITS.long)} />
        </Form.Item>
        <Form.Item name="problems" label="存在问题" rules={[textRule('存在问题', TEXT_LIMITS.long)]}>
          <Input.TextArea rows={2} aria-label="存在问题" count={counter(TEXT_LIMITS.long)} />
        </Form.Item>
        <Form.Item name="nextSteps" label="下步计划" rules={[textRule('下步计划', TEXT_LIMITS.long)]}>
          <Input.TextArea rows={2} aria-label="下步计划" count={counter(TEXT_LIMITS.long)} />
        </Form.Item>
        <ReporterFields units={units} />
        <Button type="primary" htmlType="submit">
          保存进展
        </Button>
      </Form>
      {raiseModal}
    </>
  );
}
