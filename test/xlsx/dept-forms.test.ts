import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { buildAllForms, buildDepartmentForm, departmentsWithForms, formImportChange, formItems, previewDepartmentForm } from '../../shared/xlsx/dept-form';
import { readWorkbook, writeWorkbook, cellText } from '../../shared/xlsx/workbook';
import { isCollectiveDepartment } from '../../shared/domain/collective-name';
import { isIssuingOffice } from '../../shared/print/assignment-sheet';
import { figureReport, projectReportUnits, taskReportUnits } from '../../shared/domain/reporting-rule';
import { taskStatus } from '../../shared/domain/task-status';
import { investmentWarning } from '../../shared/domain/validation';
import { reportDueZh } from '../../shared/domain/time';
import type { ProgressEntry } from '../../shared/domain/progress';
import { formColumn, seedPlan } from './helpers';

/*
 * Issue 20, item 2: who gets a department form, what a participant's rows are, and that the form's
 * words, its cell checks and the import agree.
 */

const plan = seedPlan('150627-yijinhuoluo');
const period = '2026-11';
const now = new Date('2026-11-28T02:00:00Z');
const ctx = (p = plan) => ({ fileName: 'f.xlsx', plan: p, period, deviceId: 'dev-1', now });
const name = (id: string) => plan.departments.find((d) => d.id === id)!.name;

async function filled(departmentId: string, fill: (ws: ExcelJS.Worksheet, rowOf: (id: string) => number) => void, scope: 'lead' | 'all' = 'lead'): Promise<ExcelJS.Workbook> {
  const wb = await buildDepartmentForm(plan, departmentId, period, '2026-11-25', { scope });
  const ws = wb.getWorksheet('填报表')!;
  const rowOf = (id: string) => {
    for (let r = 7; r <= ws.rowCount; r++) if (cellText(ws.getCell(r, 1)).endsWith(`:${id}`)) return r;
    throw new Error(`no row for ${id}`);
  };
  fill(ws, rowOf);
  return readWorkbook(await writeWorkbook(wb));
}

describe('who gets a form', () => {
  it('by default the lead units of 伊金霍洛旗 only: no collective name, no unit that only takes part, not the office itself', () => {
    const recipients = departmentsWithForms(plan, period);
    const owing = new Set([...plan.tasks.flatMap((t) => taskReportUnits(t).owing), ...plan.projects.flatMap((p) => projectReportUnits(p).owing)]);
    const expected = plan.departments.filter((d) => owing.has(d.id) && !isCollectiveDepartment(d) && !isIssuingOffice(d)).map((d) => d.name);
    expect(recipients.map((r) => r.name)).toEqual(expected);
    expect(recipients).toHaveLength(25);
    expect(recipients.map((r) => r.name)).not.toContain('各成员单位');
    expect(recipients.some((r) => r.name === '各镇人民政府' || r.name === '旗无废办')).toBe(false);
    expect(recipients.every((r) => r.participantItems === 0)).toBe(true);
    // Every row of a lead-only form is one the unit reports for.
    for (const r of recipients) expect(formItems(plan, r.departmentId, period).every((i) => i.share === 'lead')).toBe(true);
  });

  it('with participants chosen, their rows come last and are marked 配合情况; still no collective name', async () => {
    const all = departmentsWithForms(plan, period, 'all');
    expect(all.length).toBeGreaterThan(25);
    expect(all.some((r) => isCollectiveDepartment(plan.departments.find((d) => d.id === r.departmentId)!))).toBe(false);
    const helper = all.find((r) => r.participantItems > 0 && r.items > r.participantItems)!;
    const items = formItems(plan, helper.departmentId, period, 'all');
    expect(items.findIndex((i) => i.share === 'participant')).toBe(items.length - helper.participantItems);
    const wb = await buildDepartmentForm(plan, helper.departmentId, period, '2026-11-25', { scope: 'all' });
    const ws = wb.getWorksheet('填报表')!;
    const role = formColumn(ws, '本单位职责');
    const day = formColumn(ws, '完成日期');
    const last = 6 + items.length;
    expect(cellText(ws.getCell(`${role}${last}`))).toMatch(/^(配合|参与|责任)\n（配合情况）$/);
    expect(cellText(ws.getCell('B3'))).toContain('写有“配合情况”的行，填本单位自己的配合工作，不代替牵头单位报送，也不计入任务进度');
    // A participant cannot claim the task: its 完成日期 cell is locked.
    expect(ws.getCell(`${day}${last}`).protection?.locked).not.toBe(false);
    expect(ws.getCell(`${day}7`).protection?.locked).toBe(false);
  });

  it('a collective name gets no form; the zip’s 说明 names its tasks and who answers for them', async () => {
    const collective = plan.departments.find((d) => d.name === '各成员单位')!;
    await expect(buildDepartmentForm(plan, collective.id, period, '2026-11-25')).rejects.toThrow('“各成员单位”是集合名称');
    const zip = unzipSync((await buildAllForms(plan, period, '2026-11-25', { scope: 'all', contact: '王敏 0477-8612345' })).bytes);
    const guide = strFromU8(zip['说明.txt']);
    expect(Object.keys(zip).some((f) => f.includes('各成员单位') || f.includes('各镇人民政府'))).toBe(false);
    expect(guide).toContain('各成员单位：未单独发送，由旗无废办另行通知');
    expect(guide).toContain('各镇人民政府：未单独发送，由旗无废办另行通知');
    expect(guide).toMatch(/任务 \S+「.+」（(配合|参与|责任)）：由牵头单位 旗\S+ 报送进展/);
    expect(guide).toContain('王敏 0477-8612345');
  });
});

describe('the 说明 a department can act on', () => {
  it('each form has a 说明 sheet, the zip a 说明.txt: what to fill, by when, how to return it, 配合情况, finishing a task, whom to call; then the files', async () => {
    const eco = plan.departments.find((d) => d.name === '旗生态环境局')!;
    const wb = await readWorkbook(await writeWorkbook(await buildDepartmentForm(plan, eco.id, period, '2026-11-25')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填报表', '说明']);
    const sheet = wb.getWorksheet('说明')!;
    const text = sheet.getColumn(2).values.filter((v): v is string => typeof v === 'string').join('\n');
    const must = ['一、填什么', '二、任务已完成的怎么报', '三、“配合情况”行是什么', '四、什么时候报、怎么报回', '五、有问题找谁', `请于 ${reportDueZh(period)}前`, '原样发回旗无废办', '不要另存为 .xls', '“完成百分比”填 100，“状态”选“已完成”，并填写“完成日期”', '待确认完成', '伊金霍洛旗“无废城市”建设工作领导小组办公室（旗无废办）', '本表发给：旗生态环境局'];
    for (const m of must) expect(text).toContain(m);
    const zip = unzipSync((await buildAllForms(plan, period, '2026-11-25')).bytes);
    const guide = strFromU8(zip['说明.txt']);
    for (const m of must.slice(0, 11)) expect(guide).toContain(m);
    expect(guide.indexOf('四、什么时候报')).toBeLessThan(guide.indexOf('六、本次发送的填报表（共 25 个单位，仅牵头单位）'));
    expect(guide).toContain('旗无废办牵头的任务不发填报表');
    expect(guide).toContain('伊金霍洛旗_旗生态环境局_2026年11月进展填报表.xlsx\t');
  });

  it('the form’s words, its cell checks and the import agree: 0—100 on every row, 已完成 offered, a date check on 完成日期', async () => {
    const eco = plan.departments.find((d) => d.name === '旗生态环境局')!;
    const ws = (await buildDepartmentForm(plan, eco.id, period, '2026-11-25')).getWorksheet('填报表')!;
    const pct = formColumn(ws, '完成百分比');
    expect(cellText(ws.getCell(`${pct}6`))).toBe('完成百分比（0—100）');
    expect(cellText(ws.getCell('B3'))).toContain('完成百分比填 100，状态选“已完成”，并填写“完成日期”和“完成依据”');
    const items = formItems(plan, eco.id, period);
    for (let r = 7; r < 7 + items.length; r++) {
      expect(ws.getCell(`${pct}${r}`).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
      expect(ws.getCell(`${formColumn(ws, '状态')}${r}`).dataValidation.formulae).toEqual(['"未启动,推进中,已完成,受阻"']);
    }
    const taskRow = 7 + items.findIndex((i) => i.kind === 'task');
    expect(ws.getCell(`${formColumn(ws, '完成日期')}${taskRow}`).dataValidation).toMatchObject({ type: 'date', operator: 'between' });
  });
});

describe('what an imported form records', () => {
  it('each report carries the form’s unit and its 填报人; a participant’s rows are its own 配合情况 and never the task’s figure', async () => {
    const recipients = departmentsWithForms(plan, period, 'all');
    const helper = recipients.find((r) => r.participantItems > 0)!;
    const helpItem = formItems(plan, helper.departmentId, period, 'all').find((i) => i.share === 'participant' && i.kind === 'task')!;
    const task = plan.tasks.find((t) => t.id === helpItem.id)!;
    const lead = task.leads[0].departmentId;

    const leadForm = await filled(lead, (ws, rowOf) => {
      ws.getCell(`${formColumn(ws, '完成百分比')}${rowOf(task.id)}`).value = 40;
      ws.getCell(`${formColumn(ws, '本月进展')}${rowOf(task.id)}`).value = '牵头单位：推进中';
    });
    const helperForm = await filled(
      helper.departmentId,
      (ws, rowOf) => {
        ws.getCell(`${formColumn(ws, '任务/项目名称')}5`).value = '李四';
        ws.getCell(`${formColumn(ws, '完成百分比')}${rowOf(task.id)}`).value = 100;
        ws.getCell(`${formColumn(ws, '状态')}${rowOf(task.id)}`).value = '已完成';
        ws.getCell(`${formColumn(ws, '本月进展')}${rowOf(task.id)}`).value = '配合工作已完成';
      },
      'all',
    );
    const leadPreview = previewDepartmentForm(leadForm, ctx());
    const helperPreview = previewDepartmentForm(helperForm, ctx());
    const helperRow = helperPreview.rows.find((r) => r.subjectId === task.id)!;
    expect(helperRow).toMatchObject({ status: 'new', role: 'participant' });
    expect(helperRow.entry).toMatchObject({ departmentId: helper.departmentId, reportedBy: '李四', percent: 100, status: 'done' });
    expect(helperRow.entry?.completionClaim).toBeUndefined();
    expect(helperRow.problems.map((p) => p.message)).toEqual(['这是本单位的配合情况：100 表示本单位的配合工作已完成，不作为任务完成的报告（任务是否完成由牵头单位报告）']);
    const leadRow = leadPreview.rows.find((r) => r.subjectId === task.id)!;
    expect(leadRow.entry).toMatchObject({ departmentId: lead, reportedBy: name(lead), percent: 40 });

    // Whichever file is imported last, the task's figure is its lead unit's.
    for (const order of [[leadPreview, helperPreview], [helperPreview, leadPreview]]) {
      const entries = (formImportChange(order).appends ?? []).map((a) => a.record as ProgressEntry);
      expect(entries).toHaveLength(2);
      expect(figureReport(taskReportUnits(task), entries, '2026-11-30')?.entry.percent).toBe(40);
      expect(taskStatus(task, entries, '2026-11-30').awaitingCompletion).toBeUndefined();
    }
  });

  it('a project’s investment above its plan is imported with a warning on its row and cell; an amount the field rule refuses is refused', async () => {
    const project = plan.projects.find((p) => p.plannedInvestment && departmentsWithForms(plan, period).some((r) => projectReportUnits(p).owing.includes(r.departmentId)))!;
    const unit = projectReportUnits(project).owing[0];
    const over = String(Number(project.plannedInvestment) * 3 + 1);
    const preview = previewDepartmentForm(
      await filled(unit, (ws, rowOf) => {
        const r = rowOf(project.id);
        ws.getCell(`${formColumn(ws, '完成百分比')}${r}`).value = 70;
        ws.getCell(`${formColumn(ws, '累计完成投资')}${r}`).value = Number(over);
        ws.getCell(`${formColumn(ws, '本年完成投资')}${r}`).value = '三百万';
        ws.getCell(`${formColumn(ws, '本月进展')}${r}`).value = '主体完工';
      }),
      ctx(),
    );
    const row = preview.rows.find((r) => r.subjectId === project.id)!;
    expect(row.status).toBe('error');
    expect(row.problems.find((p) => p.level === 'error')?.message).toBe('本年完成投资应为金额（万元），如 1200 或 350.5，最多 4 位小数；“三百万”不是金额');

    const warned = previewDepartmentForm(
      await filled(unit, (ws, rowOf) => {
        const r = rowOf(project.id);
        ws.getCell(`${formColumn(ws, '完成百分比')}${r}`).value = 70;
        ws.getCell(`${formColumn(ws, '累计完成投资')}${r}`).value = Number(over);
        ws.getCell(`${formColumn(ws, '本月进展')}${r}`).value = '主体完工';
      }),
      ctx(),
    ).rows.find((r) => r.subjectId === project.id)!;
    expect(warned.status).toBe('new');
    expect(warned.entry).toMatchObject({ investmentToDate: over, departmentId: unit });
    expect(warned.problems).toEqual([expect.objectContaining({ level: 'warning', column: expect.stringMatching(/^\w（累计完成投资/), message: investmentWarning(over, project.plannedInvestment) })]);
    expect(warned.problems[0].message).toMatch(/^累计完成投资 \d+ 万元超过计划总投资/);
  });
});
