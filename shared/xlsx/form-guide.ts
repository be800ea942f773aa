import type { PlanData } from '../views/plan-data';
import type { Period } from '../domain/ids';
import { formatPeriodZh, reportDueZh } from '../domain/time';
import { collectiveNote } from '../domain/collective-name';
import { defaultPrintSettings } from '../print/sheet-number';
import { isIssuingOffice } from '../print/assignment-sheet';
import type { CollectiveFormNote, FormItem, FormRecipient, FormScope } from './form-items';

/*
 * The 说明 of the department forms: what to fill, by when, how to send it back, what 配合情况
 * rows are, how to report a task finished and whom to call. The same words go in each form's
 * 说明 sheet and in the 说明.txt of the zip, so that a department can act on either alone.
 */

export interface FormGuideOptions {
  /** 仅牵头单位 (default) or 牵头和配合单位. */
  scope?: FormScope;
  /** Who to call at the office, as the office writes it (联系人 and 电话); the office's name otherwise. */
  contact?: string;
}

/** The office as a department knows it: 伊金霍洛旗“无废城市”建设工作领导小组办公室（旗无废办）. */
export function formIssuer(plan: Pick<PlanData, 'office'>): { full: string; short: string } {
  const s = defaultPrintSettings(plan.office);
  return { full: s.issuer, short: s.issuerShort };
}

/** The general part of the 说明: the same for every department. */
export function guideLines(plan: Pick<PlanData, 'office'>, period: Period, opts: FormGuideOptions = {}): string[] {
  const { full, short } = formIssuer(plan);
  const month = formatPeriodZh(period);
  return [
    `${plan.office.name}“无废城市”建设 ${month}进展填报说明`,
    '',
    '一、填什么',
    `1. 打开“填报表”工作表，每行是本单位的一项任务或项目。只填黄色单元格，其余已锁定；请勿增加、删除行，勿修改表头。`,
    `2. “完成百分比”填 0 到 100 之间的数字；“状态”从下拉列表中选择（未启动、推进中、已完成、受阻）。`,
    `3. “本月进展”必填，写明${month}做了什么；有困难写在“存在问题”，下月打算写在“下步计划”（每项最多 2000 字）。`,
    '4. 项目另填“建设状态”和“累计完成投资”“本年完成投资”（万元，可带小数，如 350.5）；累计完成投资超过计划总投资的，无废办会核实。',
    '5. 没有进展的行可以空着，空行不导入，仍算未报送。表头的“填报人”“联系电话”请填写，便于核对。',
    '',
    '二、任务已完成的怎么报',
    '本单位牵头的任务已全部完成的：“完成百分比”填 100，“状态”选“已完成”，并填写“完成日期”（如 2026-11-20，不能晚于填报当天）和“完成依据”（如验收意见、印发文件的名称和文号）。',
    `缺完成日期或完成依据的行不能导入。导入后任务显示“待确认完成”，由${short}核实后确认完成。尚未全部完成的，请填实际进度，不要填 100。`,
    '项目建成的，在“建设状态”中选“完工”或“投运”。',
    '',
    '三、“配合情况”行是什么',
    '“本单位职责”为配合、参与或责任（写有“配合情况”）的行，是本单位自己的配合情况：写本单位为这项任务做了哪些工作。',
    '这些行不代替牵头单位报送，也不计入任务的完成进度；任务是否完成由牵头单位报告。配合工作已做完的，可填 100 并选“已完成”，不必填完成日期和依据。',
    opts.scope === 'all' ? '' : '本次填报表只发给牵头单位（项目发给责任单位，没有责任单位的发给建设单位）；配合单位的工作请牵头单位在“本月进展”中一并说明。',
    '',
    '四、什么时候报、怎么报回',
    `请于 ${reportDueZh(period)}前，把填好的这个 .xlsx 文件原样发回${short}，通过平时报送材料的渠道（政务内网、电子邮件或工作群）发送即可。`,
    '用 Excel、WPS 或 LibreOffice 填写都可以；请保存为原来的 .xlsx 格式，不要另存为 .xls、.et、.ods、.pdf 或截图，不要改动隐藏的 A 列。',
    '同一份表发回两次不会重复记录；需要更正的，在原表上改好后再发一次即可。',
    '',
    '五、有问题找谁',
    `${full}（${short}）${opts.contact ? `：${opts.contact}` : ''}。`,
  ].filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''));
}

/** The part of the 说明 sheet about this department's own form. */
export function departmentGuideLines(departmentName: string, items: readonly FormItem[]): string[] {
  const lead = items.filter((i) => i.share === 'lead');
  const helping = items.filter((i) => i.share === 'participant');
  const tasks = lead.filter((i) => i.kind === 'task').length;
  const projects = lead.filter((i) => i.kind === 'project').length;
  return [
    `本表发给：${departmentName}，共 ${items.length} 行：本单位牵头的任务 ${tasks} 项${projects ? `、负责的项目 ${projects} 个` : ''}${helping.length ? `；配合情况 ${helping.length} 行（表的最后，“本单位职责”写有“配合情况”）` : ''}。`,
    '',
  ];
}

/** The zip's 说明.txt: the same guide, then what was sent to whom and which collective names got no form. */
export function zipGuide(plan: PlanData, period: Period, recipients: readonly { file: string; recipient: FormRecipient }[], collectives: readonly CollectiveFormNote[], opts: FormGuideOptions = {}): string {
  const { short } = formIssuer(plan);
  const lines = [...guideLines(plan, period, opts), '', `六、本次发送的填报表（共 ${recipients.length} 个单位${opts.scope === 'all' ? '，含配合单位' : '，仅牵头单位'}）`];
  for (const { file, recipient } of recipients) {
    lines.push(`${file}\t${recipient.items} 项${recipient.participantItems ? `（其中配合情况 ${recipient.participantItems} 项）` : ''}`);
  }
  const own = plan.departments.filter((d) => isIssuingOffice(d) && plan.tasks.some((t) => t.leads.some((l) => l.departmentId === d.id)));
  for (const d of own) lines.push(`${d.name}牵头的任务不发填报表，由${short}直接在台账中填报。`);
  if (collectives.length) {
    lines.push('', '七、未单独发送的集合名称');
    for (const c of collectives) {
      lines.push(`${collectiveNote(c.name, short)}。涉及：`);
      for (const t of c.tasks) lines.push(`  任务 ${t.number}「${t.title}」（${t.role}）${t.leads.length ? `：由牵头单位 ${t.leads.join('、')} 报送进展` : `：由${short}代为报送`}`);
      for (const p of c.projects) lines.push(`  项目 ${p.number}「${p.name}」：由${short}代为报送`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
