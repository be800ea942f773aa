import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { RecordsService } from '../../../shared/app/records-service';
import { ValidationError } from '../../../shared/app/change';
import { catchUpProjects, catchUpTasks, closePlan, editPlanInfo, revisePlan, startNextPlan } from '../../../shared/app/plan-periods/plan-periods';
import { HybridClock } from '../../../shared/sync/hlc';
import { workspaceOver } from '../../../shared/app/workspace';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { scopeToPlan } from '../../../shared/views/plan-scope';
import { countyPlanFromCity } from '../../../shared/views/city-plan';
import { assessmentSummary } from '../../../shared/views/assessment';
import { currentPlan } from '../../../shared/domain/plan-period';
import { progress } from '../../support/factories';

const seed = (file: string) => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds', file), 'utf8')));
let n = 0;
async function office(file = '150627-yijinhuoluo.json') {
  const records = new RecordsService(new MemoryStorage(), new HybridClock(`dev${++n}`));
  const plan = seed(file);
  await records.loadPlan(plan);
  return { records, code: plan.office.code, read: () => records.readPlan(plan.office.code) };
}
const ids = () => {
  let i = 0;
  return (kind: string) => `150627-${kind}-next-${++i}`;
};

describe('plan periods', () => {
  it('revises the plan in force with a note, and undoes it', async () => {
    const o = await office();
    const undo = await o.records.apply(revisePlan(await o.read(), '伊政办发〔2024〕12号 调整3项任务', '2024-06-01'));
    const plan = currentPlan((await o.read()).office);
    expect(plan).toMatchObject({ status: 'revised', revisions: [{ on: '2024-06-01', note: '伊政办发〔2024〕12号 调整3项任务' }] });
    await o.records.apply(undo);
    expect(currentPlan((await o.read()).office)?.status).toBe('in-force');
    expect(() => revisePlan({ ...seed('150627-yijinhuoluo.json'), progress: [], indicatorValues: [] }, '  ', '2024-06-01')).toThrow('修订说明');
  });

  it('closes a plan with its final assessment; its records are read-only afterwards', async () => {
    const o = await office();
    const before = await o.read();
    const task = before.tasks[0];
    await o.records.apply(catchUpTasks(before, [task.id], '2023-05-10', '旗无废办成立文件'));
    await o.records.addProgress(progress('2025-12', 60, { id: '150627-pe-1', subjectId: before.tasks[1].id, officeCode: '150627' }));
    const data = await o.read();
    const planId = currentPlan(data.office)?.id as string;
    await o.records.apply(closePlan(data, planId, '2026-11-24'));
    const closed = currentPlan((await o.read()).office);
    expect(closed?.status).toBe('closed');
    const summary = assessmentSummary(closed!.assessment!);
    expect(summary).toMatchObject({ tasks: 83, tasksDone: 1, indicators: 50, projects: 11 });
    expect(closed!.assessment!.tasks.find((t) => t.id === before.tasks[1].id)?.outcome).toBe('已逾期');
    expect(closed!.assessment!.indicators[0].finalTarget).not.toBe('');
    await expect(o.records.update('tasks', task.id, { title: '结束后再改' })).rejects.toThrow('只读');
    await expect(o.records.addProgress(progress('2026-11', 70, { id: '150627-pe-2', subjectId: before.tasks[1].id, officeCode: '150627' }))).rejects.toThrow('只读');
    expect(() => closePlan(data, 'nope', '2026-11-24')).toThrow('找不到方案');
  });

  it('starts the next plan only after closing, carrying chosen tasks and the indicators with new baselines', async () => {
    const o = await office();
    const first = await o.read();
    const input = { title: '“十五五”无废城市建设实施方案', fromYear: 2026, toYear: 2030, carryTaskIds: first.tasks.slice(0, 3).map((t) => t.id), deadlineText: '2027年底前', carryIndicators: true };
    expect(() => startNextPlan(first, input, ids())).toThrow('请先结束当前方案');
    const indicator = first.indicators.find((i) => i.unit === '%') ?? first.indicators[0];
    await o.records.addIndicatorValue({ id: '150627-iv-1', officeCode: '150627', indicatorId: indicator.id, year: 2025, month: null, value: { kind: 'number', value: 88.5 }, judgement: null, note: '', enteredBy: '', enteredAt: '2026-01-10T00:00:00Z', deviceId: 'dev' });
    const oldPlan = currentPlan(first.office)!.id;
    await o.records.apply(closePlan(await o.read(), oldPlan, '2026-11-24'));
    const afterClose = await o.read();
    expect(() => startNextPlan(afterClose, { ...input, fromYear: 2025 }, ids())).toThrow('2026');
    const undo = await o.records.apply(startNextPlan(await o.read(), input, ids()));
    const all = await o.read();
    const next = currentPlan(all.office)!;
    expect(next).toMatchObject({ id: '150627-plan-2026', status: 'in-force', fromYear: 2026, toYear: 2030, carriedFrom: oldPlan });
    const shown = scopeToPlan(all, next.id);
    expect(shown.tasks.map((t) => t.carriedFrom)).toEqual(input.carryTaskIds);
    expect(shown.tasks.every((t) => t.deadline.text === '2027年底前' && t.deadline.points[0].date === '2027-12-31' && t.completion === null)).toBe(true);
    expect(shown.indicators).toHaveLength(50);
    expect(shown.indicators.find((i) => i.name === indicator.name)?.baseline).toEqual({ year: 2025, value: { kind: 'number', value: 88.5 } });
    expect(shown.indicators.every((i) => i.targets.length === 0)).toBe(true);
    // the closed plan keeps everything, read-only
    expect(scopeToPlan(all, oldPlan).tasks).toHaveLength(83);
    await o.records.apply(undo);
    expect(currentPlan((await o.read()).office)?.id).toBe(oldPlan);
    expect(scopeToPlan(await o.read(), oldPlan).tasks).toHaveLength(83);
  });

  it('corrects a plan\'s name, 文号 and years, refuses overlaps and a closed plan\'s years, and undoes the correction', async () => {
    const o = await office();
    const data = await o.read();
    const plan = currentPlan(data.office)!;
    const undo = await o.records.apply(editPlanInfo(data, plan.id, { title: ` ${plan.title} `, documentNumber: '伊政办发〔2022〕99号', fromYear: plan.fromYear, toYear: 2026 }));
    expect(currentPlan((await o.read()).office)).toMatchObject({ id: plan.id, title: plan.title, documentNumber: '伊政办发〔2022〕99号', toYear: 2026, status: plan.status });
    await o.records.apply(undo);
    expect(currentPlan((await o.read()).office)).toEqual(plan);

    const bad = (info: Partial<Parameters<typeof editPlanInfo>[2]>) => () => editPlanInfo(data, plan.id, { title: plan.title, fromYear: plan.fromYear, toYear: plan.toYear, ...info });
    expect(bad({ title: '  ' })).toThrow('请填写方案名称');
    expect(bad({ fromYear: 2026, toYear: 2025 })).toThrow('起始年 2026 晚于结束年 2025');
    expect(bad({ toYear: 20255 })).toThrow('2000—2100');
    expect(bad({ fromYear: 2021.5 })).toThrow('整数年份');
    expect(bad({ documentNumber: plan.documentNumber })).toThrow('没有改动');

    // a closed plan keeps its years; the next plan may not overlap it
    await o.records.apply(closePlan(await o.read(), plan.id, '2026-11-24'));
    await o.records.apply(startNextPlan(await o.read(), { title: '十五五方案', fromYear: 2026, toYear: 2030, carryTaskIds: [], deadlineText: '', carryIndicators: false }, ids()));
    const later = await o.read();
    expect(() => editPlanInfo(later, plan.id, { title: plan.title, fromYear: plan.fromYear, toYear: 2024 })).toThrow('年份随终期评估固定');
    await o.records.apply(editPlanInfo(later, plan.id, { title: plan.title, documentNumber: '文号补录', fromYear: plan.fromYear, toYear: plan.toYear }));
    expect((await o.read()).office.plans?.find((p) => p.id === plan.id)).toMatchObject({ status: 'closed', documentNumber: '文号补录', assessment: expect.any(Object) });
    const next = currentPlan(later.office)!;
    expect(() => editPlanInfo(later, next.id, { title: next.title, fromYear: plan.toYear, toYear: 2030 })).toThrow('重叠');
  });

  it('catches up many tasks and projects at once, and undoes them at once', async () => {
    const o = await office();
    const data = await o.read();
    const five = data.tasks.slice(0, 5).map((t) => t.id);
    expect(() => catchUpTasks(data, five, '2024-12-31', ' ')).toThrow(ValidationError);
    const undo = await o.records.apply(catchUpTasks(data, five, '2024-12-31', '2024年度总结'));
    expect((await o.read()).tasks.filter((t) => t.completion?.evidence === '2024年度总结')).toHaveLength(5);
    await o.records.apply(undo);
    expect((await o.read()).tasks.filter((t) => t.completion)).toHaveLength(0);
    await o.records.apply(catchUpProjects(data, data.projects.slice(0, 2).map((p) => p.id), 'in-operation'));
    expect((await o.read()).projects.filter((p) => p.constructionStatus === 'in-operation').length).toBeGreaterThanOrEqual(2);
  });
});

describe("a county office starting from its city's plan", () => {
  it('takes every task 鄂尔多斯市 assigned to 准格尔旗, marked as from the city, and loads as a plan', async () => {
    const city = seed('150600-ordos.json');
    const plan = countyPlanFromCity(city, { code: '150622', name: '准格尔旗' });
    expect(plan.office).toMatchObject({ code: '150622', level: 'county', parentCode: '150600', currentPlanId: '150622-plan-2021' });
    expect(plan.tasks.length).toBeGreaterThanOrEqual(35);
    expect(plan.tasks.every((t) => t.id.startsWith('150622-') && t.officeCode === '150622' && t.fromCity?.officeCode === '150600')).toBe(true);
    expect(plan.tasks[0].leads[0].departmentId).toBe('150622-dep-gov');
    const records = new RecordsService(new MemoryStorage(), new HybridClock('devc'));
    expect((await records.loadPlan(plan)).added).toBe(plan.tasks.length + plan.departments.length);
    // another county gets its own copy, with its own ids
    expect(countyPlanFromCity(city, { code: '150621', name: '达拉特旗' }).tasks.length).toBeGreaterThanOrEqual(35);
  });
});

describe('ws.planPeriods: the service 设置 and zwc plan use', () => {
  const at = new Date('2026-11-20T02:00:00Z');
  async function ws() {
    const storage = new MemoryStorage();
    const w = workspaceOver(storage, new RecordsService(storage, new HybridClock(`dev${++n}`, () => at.getTime())), { now: () => at.getTime() });
    const plan = seed('150627-yijinhuoluo.json');
    await w.records.loadPlan(plan);
    return { w, code: plan.office.code };
  }

  it('lists, revises, closes on today (injected clock) and opens the next, each through the one undo history', async () => {
    const { w, code } = await ws();
    const { plans, currentPlanId } = await w.planPeriods.list(code);
    expect(plans.map((p) => p.id)).toEqual([currentPlanId]);
    await w.planPeriods.revise(code, '调整3项任务');
    expect((await w.planPeriods.list(code)).plans[0]).toMatchObject({ status: 'revised', revisions: [{ on: '2026-11-20', note: '调整3项任务' }] });
    const closing = await w.planPeriods.closeChange(code, currentPlanId!);
    expect((await w.planPeriods.list(code)).plans[0].status).toBe('revised');
    expect(closing.label).toContain('结束方案并终期评估');
    await w.planPeriods.close(code, currentPlanId!);
    const closed = (await w.planPeriods.list(code)).plans[0];
    expect(closed.status).toBe('closed');
    expect(closed.assessment).toBeDefined();
    const carried = await w.planPeriods.unfinished(code, currentPlanId!);
    await w.planPeriods.open(code, { title: '十五五方案', fromYear: 2026, toYear: 2030, carryTaskIds: carried.slice(0, 2).map((r) => r.task.id), deadlineText: '2027年底前', carryIndicators: false });
    const after = await w.planPeriods.list(code);
    expect(after.plans.map((p) => p.title)).toContain('十五五方案');
    expect((await w.records.readPlan(code)).tasks.filter((t) => t.planId === after.currentPlanId).every((t) => t.id.startsWith(`${code}-task-`))).toBe(true);
    expect((await w.undo.next())?.label).toBe('撤销：开始新方案 十五五方案');
    await w.undo.undo();
    expect((await w.planPeriods.list(code)).currentPlanId).toBe(currentPlanId);
    await expect(w.planPeriods.revise(code, '  ')).rejects.toThrow(ValidationError);
  });
});
