import { Alert, Button, Form, Input, Modal, Radio, Select, Table, Typography } from 'antd';
import type { Indicator } from '../../../shared/domain/indicator';
import type { IndicatorValue } from '../../../shared/domain/progress';
import { parseQuantity } from '../../../shared/domain/parse-target';
import { ATTAINMENT_LABELS, formatQuantity, indicatorAttainment, targetFor } from '../../../shared/domain/attainment';
import { useWorkspace } from '../app/store';
import { newId, useCommit } from '../app/use-commit';
import { formatMomentZh } from '../../../shared/domain/time';
import { TEXT_LIMITS } from '../../../shared/domain/validation';
import { indicatorNoteProblem, indicatorValue, indicatorValueChange, indicatorValueProblem, indicatorYearProblem } from '../../../shared/views/indicator-value';
import { coreRule, counter } from './field-rules';
import { useGuardedClose, useTouchedGuard } from './unsaved-guard';

interface Values {
  year: number | string;
  month: number | null;
  value: string;
  judgement: 'met' | 'behind' | null;
  note: string;
}

/**
 * Enters an indicator's actual value for a year (or a month of it). Values are append-only: a new
 * entry for the same period corrects the earlier one, which stays in the history.
 */
export function IndicatorValueModal(props: { indicator: Indicator | null; year: number; values: readonly IndicatorValue[]; onClose: () => void }) {
  const { indicator, year, values, onClose } = props;
  const [form] = Form.useForm<Values>();
  const commit = useCommit();
  const deviceId = useWorkspace().deviceId;
  const watched = Form.useWatch([], form) as Values | undefined;
  useTouchedGuard(form, !!indicator);
  const close = useGuardedClose(onClose);

  if (!indicator) return null;
  // The checks and the record are the core's (shared/views/indicator-value.ts), the same as `zwc indicator set`.
  const watchedYear = Number(watched?.year);
  const yearOk = watched !== undefined && !indicatorYearProblem(indicator, watched.year, year);
  const valueRuleProblem = (v?: string) => indicatorValueProblem(indicator, v);
  const valueRule = coreRule(valueRuleProblem);
  const target = targetFor(indicator, yearOk ? watchedYear : year)?.target.target;
  const needsJudgement = target?.kind === 'text';
  const quantity = watched?.value && !valueRuleProblem(watched.value) ? parseQuantity(watched.value) : null;
  const preview =
    quantity && watched && yearOk
      ? indicatorAttainment(indicator, watchedYear, [
          ...values,
          { id: 'preview', officeCode: indicator.officeCode, indicatorId: indicator.id, year: watchedYear, month: watched.month ?? null, value: quantity, judgement: watched.judgement ?? null, note: '', enteredBy: '', enteredAt: '9999-12-31T00:00:00Z', deviceId },
        ])
      : null;

  const save = async (v: Values) => {
    const record = indicatorValue(indicator, v, { id: newId('iv'), enteredAt: new Date().toISOString(), deviceId }, year);
    if (await commit(indicatorValueChange(indicator, record), `已保存 ${indicator.name} ${v.year}年实际值`)) onClose();
  };

  return (
    <Modal open title={`${indicator.number}. ${indicator.name}${indicator.unit ? `（${indicator.unit}）` : ''}`} footer={null} onCancel={close} width={640} destroyOnClose>
      {/* Filled once when the modal opens (it mounts afresh each time): a re-read of the data while it is open never touches what was typed. */}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ year, month: null, value: '', judgement: null, note: '' }} data-testid="indicator-value-form">
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="year" label="年份" rules={[coreRule((v: number | string) => indicatorYearProblem(indicator, v, year))]} style={{ width: 200 }}>
            <Input aria-label="年份" inputMode="numeric" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="month" label="月份（按年填报可不选）">
            <Select allowClear style={{ width: 140 }} placeholder="全年" options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))} />
          </Form.Item>
          <Form.Item name="value" label="实际值" rules={[valueRule]} style={{ flex: 1 }}>
            <Input aria-label="实际值" placeholder={indicator.unit === '%' ? '如 88.4' : '数字或文字'} />
          </Form.Item>
        </div>
        {needsJudgement && (
          <Form.Item name="judgement" label={`目标为“${target.text}”，请判定`}>
            <Radio.Group>
              <Radio value="met">达标</Radio>
              <Radio value="behind">未达标</Radio>
              <Radio value={null}>暂不判定</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="note" label="说明（数据来源等）" rules={[coreRule(indicatorNoteProblem)]}>
          <Input.TextArea rows={2} count={counter(TEXT_LIMITS.medium)} />
        </Form.Item>
        {preview && <Alert style={{ marginBottom: 12 }} type={preview.attainment === 'behind' ? 'error' : preview.attainment === 'met' ? 'success' : 'info'} message={`${ATTAINMENT_LABELS[preview.attainment]}：${preview.reason}`} data-testid="attainment-preview" />}
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form>
      {values.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            填报记录
          </Typography.Title>
          <Table<IndicatorValue>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={[...values].sort((a, b) => b.enteredAt.localeCompare(a.enteredAt))}
            columns={[
              { title: '期间', render: (_, v) => `${v.year}年${v.month ? `${v.month}月` : ''}` },
              { title: '实际值', render: (_, v) => formatQuantity(v.value) },
              { title: '判定', render: (_, v) => (v.judgement ? ATTAINMENT_LABELS[v.judgement] : '—') },
              { title: '说明', dataIndex: 'note' },
              { title: '填报时间', render: (_, v) => formatMomentZh(v.enteredAt) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
