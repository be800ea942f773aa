import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Checkbox, Collapse, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PlanData } from '../../../../shared/views/plan-data';
import { RECIPIENT_SCOPE_LABELS, type RecipientScope } from '../../../../shared/print/assignment-sheet';
import { NUMBERED_KIND_LABELS, PrintSettingsSchema, type NumberedKind, type PrintSettings } from '../../../../shared/print/sheet-number';
import { collectivesNote, sheetCandidates } from '../../../../shared/print/sheet-candidates';
import { chinaToday } from '../../../../shared/domain/time';
import { answerByDay } from '../../../../shared/print/supervision-notice';
import { jobFor, type SheetJob } from '../../../../shared/print/sheet-job';
import { SheetBatchModal } from './SheetBatchModal';
import { useIssuedSheets } from './use-print';
import { usePrintPlan } from './use-print-plan';
import { DAY_PICKER_FORMAT } from '../picker-formats';
import { messageOf } from '../../app/error-text';

export interface SheetPrintDialogProps {
  plan: PlanData;
  kind: NumberedKind;
  open: boolean;
  onClose(): void;
  /** Departments chosen when the dialog opens (a department's own page); all when absent. */
  departmentIds?: string[];
}

/**
 * Chooses who gets a 任务交办单 or 督办单 — lead units only or all units, one department, several,
 * or all; never a collective name — and the date, then shows each department's sheet as its own
 * document (SheetBatchModal), numbered only when it is saved or printed.
 */
export function SheetPrintDialog({ plan: bare, kind, open, onClose, departmentIds }: SheetPrintDialogProps) {
  const { message } = App.useApp();
  const plan = usePrintPlan(bare);
  const register = useIssuedSheets();
  const [day, setDay] = useState(chinaToday());
  const [chosen, setChosen] = useState<string[]>([]);
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [job, setJob] = useState<SheetJob | null>(null);
  const [scope, setScope] = useState<RecipientScope>('lead');
  const found = useMemo(() => sheetCandidates(plan, kind, day, scope), [plan, kind, day, scope]);
  const list = found.items;
  const note = settings ? collectivesNote(found.collectives, settings.issuerShort) : undefined;
  const label = NUMBERED_KIND_LABELS[kind];

  useEffect(() => {
    if (!open || !register) return;
    void register
      .settings(plan.office)
      .then(setSettings)
      .catch((e: unknown) => message.error(`无法读取编号设置：${messageOf(e)}`));
    setChosen(departmentIds ?? list.map((c) => c.departmentId));
    // A department's own page: a unit that only helps gets its part (牵头和配合单位).
    if (departmentIds && !departmentIds.some((id) => list.some((c) => c.departmentId === id))) setScope('all');
    // Only when the dialog opens: later changes of the list must not undo the clerk's choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, register]);

  const selected = list.filter((c) => chosen.includes(c.departmentId));
  const all = selected.length === list.length && list.length > 1;
  const answerBy = settings ? answerByDay(day, settings.answerDays) : day;

  const preview = async () => {
    if (!register || !settings) return;
    const parsed = PrintSettingsSchema.safeParse(settings);
    if (!parsed.success) return void message.error(parsed.error.issues[0]?.message ?? '打印设置不正确');
    if (selected.length === 0) return void message.warning('请选择单位');
    try {
      await register.saveSettings(parsed.data);
      setJob(jobFor(kind, day, parsed.data, selected));
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const patch = (p: Partial<PrintSettings>) => settings && setSettings({ ...settings, ...p });

  return (
    <>
      <Modal open={open && job === null} title={`打印${label}`} okText="预览" cancelText="取消" onOk={() => void preview()} onCancel={onClose} width={720} okButtonProps={{ disabled: !settings || selected.length === 0 }}>
        <Form layout="vertical">
          <Space size="large" wrap>
            <Form.Item label={kind === 'assignment' ? '交办日期' : '督办日期'}>
              <DatePicker format={DAY_PICKER_FORMAT} allowClear={false} value={dayjs(day)} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} aria-label="日期" />
            </Form.Item>
            {kind === 'supervision' && settings && (
              <Form.Item label="反馈期限（天）">
                <InputNumber min={1} max={90} value={settings.answerDays} onChange={(v) => v && patch({ answerDays: v })} addonAfter={`至 ${answerBy}`} />
              </Form.Item>
            )}
          </Space>
          {kind === 'assignment' && (
            <Form.Item label="发给">
              <Radio.Group
                aria-label="发给"
                value={scope}
                onChange={(e) => {
                  const next = e.target.value as RecipientScope;
                  setScope(next);
                  if (!departmentIds) setChosen(sheetCandidates(plan, kind, day, next).items.map((c) => c.departmentId));
                }}
                options={(['lead', 'all'] as const).map((v) => ({ value: v, label: v === 'lead' ? `${RECIPIENT_SCOPE_LABELS[v]}（只列其牵头的任务）` : `${RECIPIENT_SCOPE_LABELS[v]}（配合单位也各发一份）` }))}
              />
            </Form.Item>
          )}
          {note && <Alert type="info" showIcon message={note} style={{ marginBottom: 12 }} data-testid="collective-note" />}
          <Form.Item label={`单位（${selected.length}/${list.length}）`}>
            {list.length === 0 ? (
              <Alert type="info" showIcon message={kind === 'assignment' ? '没有承担任务或项目的单位' : '没有逾期或有逾期风险的任务，无需督办'} />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Checkbox checked={all || (list.length === 1 && selected.length === 1)} indeterminate={selected.length > 0 && selected.length < list.length} onChange={(e) => setChosen(e.target.checked ? list.map((c) => c.departmentId) : [])}>
                  全部单位（每个单位单独成文，页码各自从 1 开始）
                </Checkbox>
                <Select
                  mode="multiple"
                  aria-label="选择单位"
                  style={{ width: '100%' }}
                  value={chosen}
                  onChange={setChosen}
                  optionFilterProp="label"
                  maxTagCount={8}
                  options={list.map((c) => ({ value: c.departmentId, label: `${c.name}（${c.detail}）` }))}
                />
              </Space>
            )}
          </Form.Item>
          {settings && (
            <Collapse
              size="small"
              items={[
                {
                  key: 's',
                  label: `编号与落款：${settings.patterns[kind].replace('{year}', day.slice(0, 4)).replace('{n}', 'N')} · ${settings.issuer}`,
                  children: (
                    <>
                      <Form.Item label="编号格式（{year} 为年份，{n} 为当年序号）">
                        <Input aria-label="编号格式" value={settings.patterns[kind]} onChange={(e) => patch({ patterns: { ...settings.patterns, [kind]: e.target.value } })} />
                      </Form.Item>
                      <Form.Item label="发文机关署名">
                        <Input value={settings.issuer} onChange={(e) => patch({ issuer: e.target.value })} />
                      </Form.Item>
                      <Space wrap>
                        <Form.Item label="联系人">
                          <Input value={settings.contact} onChange={(e) => patch({ contact: e.target.value })} />
                        </Form.Item>
                        <Form.Item label="联系电话">
                          <Input value={settings.phone} onChange={(e) => patch({ phone: e.target.value })} />
                        </Form.Item>
                      </Space>
                      {kind === 'assignment' && (
                        <Form.Item label="报送方式">
                          <Radio.Group
                            value={settings.reportMethod}
                            onChange={(e) => patch({ reportMethod: e.target.value })}
                            options={[
                              { value: 'either', label: '填报表或交办单均可' },
                              { value: 'form', label: '月度填报表（Excel）' },
                              { value: 'sheet', label: '在交办单上填写' },
                            ]}
                          />
                        </Form.Item>
                      )}
                    </>
                  ),
                },
              ]}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            保存为 PDF 或确认已打印后才编号并登记，取消不占用编号；已编号的{label}在“交办记录”中可重新打印（编号不变）并登记回执。
          </Typography.Paragraph>
        </Form>
      </Modal>
      {job && (
        <SheetBatchModal
          plan={plan}
          job={job}
          note={note}
          onClose={() => {
            setJob(null);
            onClose();
          }}
        />
      )}
    </>
  );
}
