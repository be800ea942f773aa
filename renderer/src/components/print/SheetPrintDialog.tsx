import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Checkbox, Collapse, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { IssuedSheet } from '../../../../shared/app/issued-sheets';
import type { PlanData } from '../../../../shared/ledger/plan-data';
import { sheetRecipients } from '../../../../shared/print/assignment-sheet';
import type { PrintDocument } from '../../../../shared/print/document';
import { buildDocument } from '../../../../shared/print/documents';
import { NUMBERED_KIND_LABELS, PrintSettingsSchema, type NumberedKind, type PrintSettings } from '../../../../shared/print/sheet-number';
import { supervisionRecipients } from '../../../../shared/print/supervision-notice';
import { chinaToday } from '../../../../shared/domain/time';
import { PrintPreview } from './PrintPreview';
import { useIssuedSheets } from './use-print';
import { DAY_PICKER_FORMAT } from '../picker-formats';
import { messageOf } from '../../app/error-text';

interface Candidate {
  departmentId: string;
  name: string;
  taskIds: string[];
  projectIds: string[];
  detail: string;
}

function candidates(plan: PlanData, kind: NumberedKind, day: string): Candidate[] {
  if (kind === 'assignment') {
    return sheetRecipients(plan).map((a) => ({
      departmentId: a.department.id,
      name: a.department.name,
      taskIds: a.tasks.map((t) => t.task.id),
      projectIds: a.projects.map((p) => p.project.id),
      detail: [a.tasks.length ? `${a.tasks.length}项任务` : '', a.projects.length ? `${a.projects.length}个项目` : ''].filter(Boolean).join('、'),
    }));
  }
  return supervisionRecipients(plan, day).map((d) => ({
    departmentId: d.departmentId,
    name: d.name,
    taskIds: d.rows.map((r) => r.task.id),
    projectIds: [],
    detail: `${d.rows.filter((r) => r.status.status === 'overdue').length}项逾期、${d.rows.filter((r) => r.status.status === 'at-risk').length}项有风险`,
  }));
}

function addDays(day: string, n: number): string {
  return dayjs(day).add(n, 'day').format('YYYY-MM-DD');
}

export interface SheetPrintDialogProps {
  plan: PlanData;
  kind: NumberedKind;
  open: boolean;
  onClose(): void;
  /** Departments chosen when the dialog opens (a department's own page); all when absent. */
  departmentIds?: string[];
}

/**
 * Chooses who gets a 任务交办单 or 督办单 — one department, several, or all — and the date, then
 * previews the sheets with the numbers they will get. Printing or saving gives the numbers and
 * records the sheets in the register, in one step.
 */
export function SheetPrintDialog({ plan, kind, open, onClose, departmentIds }: SheetPrintDialogProps) {
  const { message } = App.useApp();
  const register = useIssuedSheets();
  const [day, setDay] = useState(chinaToday());
  const [chosen, setChosen] = useState<string[]>([]);
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const list = useMemo(() => candidates(plan, kind, day), [plan, kind, day]);
  const label = NUMBERED_KIND_LABELS[kind];

  useEffect(() => {
    if (!open || !register) return;
    void register
      .settings(plan.office)
      .then(setSettings)
      .catch((e: unknown) => message.error(`无法读取编号设置：${messageOf(e)}`));
    setChosen(departmentIds ?? list.map((c) => c.departmentId));
    // Only when the dialog opens: later changes of the list must not undo the clerk's choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, register]);

  const selected = list.filter((c) => chosen.includes(c.departmentId));
  const all = selected.length === list.length && list.length > 1;
  const answerBy = settings ? addDays(day, settings.answerDays) : day;

  const documentFor = (numbers: string[]): PrintDocument =>
    kind === 'assignment'
      ? buildDocument(plan, { kind, all, sheets: selected.map((c, i) => ({ departmentId: c.departmentId, number: numbers[i], issuedOn: day, taskIds: c.taskIds, projectIds: c.projectIds })) }, settings!)
      : buildDocument(plan, { kind, all, sheets: selected.map((c, i) => ({ departmentId: c.departmentId, number: numbers[i], issuedOn: day, answerBy, taskIds: c.taskIds })) }, settings!);

  const preview = async () => {
    if (!register || !settings) return;
    const parsed = PrintSettingsSchema.safeParse(settings);
    if (!parsed.success) return void message.error(parsed.error.issues[0]?.message ?? '打印设置不正确');
    if (selected.length === 0) return void message.warning('请选择单位');
    await register.saveSettings(parsed.data);
    const numbers = await register.peekNumbers(kind, Number(day.slice(0, 4)), selected.length, settings.patterns[kind]);
    setDoc(documentFor(numbers));
  };

  const issue = async (): Promise<PrintDocument> => {
    if (!register || !settings) throw new Error('工作区尚未打开');
    const issued: IssuedSheet[] = await register.issue(
      kind,
      selected.map((c) => ({ departmentId: c.departmentId, departmentName: c.name, taskIds: c.taskIds, projectIds: c.projectIds, ...(kind === 'supervision' ? { answerBy } : {}) })),
      day,
      settings.patterns[kind],
    );
    message.success(`已登记 ${issued.length} 份${label}：${issued[0].number}${issued.length > 1 ? ` 至 ${issued[issued.length - 1].number}` : ''}`);
    return documentFor(issued.map((s) => s.number));
  };

  const patch = (p: Partial<PrintSettings>) => settings && setSettings({ ...settings, ...p });

  return (
    <>
      <Modal open={open && doc === null} title={`打印${label}`} okText="预览" cancelText="取消" onOk={() => void preview()} onCancel={onClose} width={720} okButtonProps={{ disabled: !settings || selected.length === 0 }}>
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
          <Form.Item label={`单位（${selected.length}/${list.length}）`}>
            {list.length === 0 ? (
              <Alert type="info" showIcon message={kind === 'assignment' ? '没有承担任务或项目的单位' : '没有逾期或有逾期风险的任务，无需督办'} />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Checkbox checked={all || (list.length === 1 && selected.length === 1)} indeterminate={selected.length > 0 && selected.length < list.length} onChange={(e) => setChosen(e.target.checked ? list.map((c) => c.departmentId) : [])}>
                  全部单位（每个单位一份，各自从新的一页开始）
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
            打印或保存为 PDF 时才编号并登记；已编号的{label}在“交办记录”中可重新打印（编号不变）并登记回执。
          </Typography.Paragraph>
        </Form>
      </Modal>
      <PrintPreview
        doc={doc}
        onClose={() => {
          setDoc(null);
          onClose();
        }}
        prepare={issue}
        notice={`预览中的编号为下一个可用编号；打印或保存为 PDF 时正式编号并登记为已${kind === 'assignment' ? '交办' : '督办'}。`}
      />
    </>
  );
}
