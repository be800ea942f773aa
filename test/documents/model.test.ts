/**
 * Issue 28: each document's figures are the app's own — checked against the functions the pages
 * show them with (工作总览, 月度调度, 各旗区总览, 设置 → 方案期), on the seeded 伊金霍洛旗 plan and a
 * known (synthetic) November 2026.
 */
import { buildTaskRows } from '../../shared/views/task-query';
import { reportingChecklist } from '../../shared/views/reporting';
import { assessmentYear, countByAttainment, countByStatus, indicatorStandings, investmentSummary } from '../../shared/views/aggregations';
import { assessmentSummary } from '../../shared/views/assessment';
import { cityOverview } from '../../shared/app/city/city-overview-service';
import { closePlan } from '../../shared/app/plan-periods/plan-periods';
import { currentPlan } from '../../shared/domain/plan-period';
import { plainText } from '../../shared/documents/model';
import type { BriefingFacts } from '../../shared/documents/briefing';
import type { NoticeFacts } from '../../shared/documents/notice';
import type { AnnualFacts } from '../../shared/documents/annual';
import type { FinalFacts } from '../../shared/documents/final';
import type { CityBriefingFacts } from '../../shared/documents/city-briefing';
import { cityOffice, DAY, ECO, PERIOD, seededOffice } from './fixture';

describe('工作简报', () => {
  it('states the month as 工作总览 and 月度调度 show it, numbered 2026年第11期 and kept', async () => {
    const { docs, plan } = await seededOffice();
    const data = await plan();
    const doc = await docs.model('briefing', { period: PERIOD });
    expect(doc.title).toBe('伊金霍洛旗“无废城市”建设工作简报（2026年第11期）');
    const f = doc.facts as BriefingFacts;
    const rows = buildTaskRows(data, DAY);
    expect(f.figures.byStatus).toEqual(countByStatus(rows));
    expect(f.figures.byStatus.done).toBe(1);
    const checklist = reportingChecklist(data, rows, PERIOD);
    expect(f.figures.checklist).toMatchObject({ expected: checklist.expected, reported: checklist.reported, coverage: checklist.coverage });
    expect(f.figures.checklist.reported).toBe(4);
    const money = investmentSummary(data.projects, data.progress, PERIOD);
    expect(f.figures.investment).toEqual({ planned: money.planned, completedToDate: money.completed, percent: money.percent, completedThisYear: '12000.5' });
    expect(money.completed).toBe('52000');
    const year = assessmentYear(data.indicators, PERIOD);
    expect(f.figures.behind.length).toBe(countByAttainment(indicatorStandings(data.indicators, data.indicatorValues, year).map((s) => s.result)).behind);
    // What moved, by domain, with the reporting unit; a record the office made for another unit's item is named as its 代报.
    const moved = f.reports.moved.flatMap((d) => d.items.map((i) => `${d.domain}|${i.unit}|${i.text}`));
    expect(moved).toEqual(expect.arrayContaining([expect.stringContaining('旗生态环境局|完成全旗固废产生单位排查，共42家。'), '工业固体废物|旗无废办|电话调度：已完成方案初稿。', '重点项目|神东布尔台煤矿（旗无废办代报）|主体工程完工。']));
    expect(f.problems).toEqual([expect.objectContaining({ unit: '旗生态环境局', text: '专项资金尚未到位。' })]);
    const text = plainText(doc);
    expect(text).toContain(`报送率 ${checklist.coverage}%`);
    expect(text).toContain('累计完成投资 52000 万元');
    expect(text).toContain('【请填写：下一步工作打算】');
    expect(text).toContain('伊金霍洛旗“无废城市”建设工作领导小组办公室\n2026年12月4日');
    // The number is kept: the same month again is 第11期, the next month 第12期.
    expect((await docs.model('briefing', { period: PERIOD })).title).toContain('第11期');
    expect((await docs.model('briefing', { period: '2026-12' })).title).toContain('第12期');
    await expect(docs.model('briefing', { period: '2026-10', number: 12 })).rejects.toThrow('第12期已用于2026年12月的简报');
    await expect(docs.model('briefing', { period: '2026-13' })).rejects.toThrow('工作简报：月份应为 YYYY-MM');
  });

  it('lists the tasks due next month that are not done', async () => {
    const { docs, plan } = await seededOffice();
    const f = (await docs.model('briefing', { period: '2025-11' })).facts as BriefingFacts;
    const rows = buildTaskRows(await plan(), DAY).filter((r) => r.status.status !== 'done' && r.task.deadline.points.some((p) => p.date.startsWith('2025-12')));
    expect(rows.length).toBeGreaterThan(0);
    expect(f.dueNextMonth.map((d) => d.taskId)).toEqual(rows.map((r) => r.task.id));
  });
});

describe('通报', () => {
  it('names only the units the clerk chose, each with its missing reports and overdue tasks', async () => {
    const { docs, plan } = await seededOffice();
    const data = await plan();
    const lagging = await docs.laggingUnits(PERIOD);
    const rows = buildTaskRows(data, DAY);
    const checklist = reportingChecklist(data, rows, PERIOD);
    // Every unit with a missing report is offered, with exactly its missing items.
    for (const m of checklist.missingByDepartment.filter((d) => data.departments.some((x) => x.id === d.departmentId))) {
      expect(lagging.find((u) => u.departmentId === m.departmentId)?.missing.map((i) => i.id)).toEqual(m.items.map((i) => i.id));
    }
    const eco = lagging.find((u) => u.departmentId === ECO)!;
    expect(eco.overdue.map((o) => o.id).sort()).toEqual(rows.filter((r) => r.status.status === 'overdue' && r.task.leads.some((l) => l.departmentId === ECO)).map((r) => r.task.id).sort());
    const chosen = [lagging[0].departmentId, ECO];
    const doc = await docs.model('notice', { period: PERIOD, unitIds: chosen });
    expect(doc.title).toBe('关于2026年11月“无废城市”建设工作推进滞后单位的通报');
    expect((doc.facts as NoticeFacts).units.map((u) => u.departmentId).sort()).toEqual([...new Set(chosen)].sort());
    const text = plainText(doc);
    expect(text).toContain('各成员单位：');
    expect(text).toContain(`已报送 ${checklist.reported} 项，报送率 ${checklist.coverage}%`);
    expect(text).toContain(`牵头任务已逾期 ${eco.overdue.length} 项`);
    const notChosen = lagging.find((u) => !chosen.includes(u.departmentId))!;
    expect(text).not.toContain(`（${['一', '二', '三'][2]}）${notChosen.name}`);
    await expect(docs.model('notice', { period: PERIOD, unitIds: [] })).rejects.toThrow('请至少选择一个要通报的单位');
    await expect(docs.model('notice', { period: PERIOD, unitIds: ['150627-dep-nope'] })).rejects.toThrow('不能通报');
  });
});

describe('年度总结', () => {
  it('states the year at its end as 工作总览 shows it; every indicator and project in its tables', async () => {
    const { docs, plan } = await seededOffice();
    const data = await plan();
    const doc = await docs.model('annual', { year: 2025 });
    expect(doc.title).toBe('伊金霍洛旗2025年“无废城市”建设工作总结');
    const f = doc.facts as AnnualFacts;
    expect(f.period).toBe('2025-12');
    expect(f.figures.byStatus).toEqual(countByStatus(buildTaskRows(data, '2025-12-31')));
    expect(f.indicators).toHaveLength(data.indicators.length);
    expect(f.projects).toHaveLength(data.projects.length);
    expect(f.indicators[0]).toMatchObject({ actual: '7.2' });
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => (t.kind === 'table' ? t.caption : ''))).toEqual(expect.arrayContaining(['表1 2025年指标完成情况']));
    expect(plainText(doc)).toContain('【请填写：2025年主要做法和取得的成效】');
    // 2026 runs on the plan in force (its period ended in 2025 but it has not been closed): judged today.
    const now = (await docs.model('annual', { year: 2026 })).facts as AnnualFacts;
    expect(now.period).toBe('2026-12');
    expect(now.completedInYear.map((t) => t.id)).toEqual([data.tasks[2].id]);
    expect(now.projects.find((p) => p.number === data.projects[0].number)).toMatchObject({ thisYear: '12000.5', toDate: '52000' });
    await expect(docs.model('annual', { year: 2027 })).rejects.toThrow('年份应为');
    await expect(docs.model('annual', { year: 2019 })).rejects.toThrow('2019年不在本单位任何方案期内');
  });
});

describe('终期评估报告', () => {
  it('is written from the assessment kept with the closed plan', async () => {
    const { ws, docs, plan } = await seededOffice();
    const all = await ws.records.readPlan('150627');
    const planId = currentPlan(all.office)!.id;
    await expect(docs.model('final', { planId })).rejects.toThrow('尚未结束');
    await ws.records.apply(closePlan(all, planId, '2026-11-24'));
    const closed = currentPlan((await ws.records.readPlan('150627')).office)!;
    const doc = await docs.model('final', { planId });
    expect(doc.title).toBe('伊金霍洛旗“十四五”时期“无废城市”建设实施方案（2021—2025年）终期评估报告');
    const f = doc.facts as FinalFacts;
    expect(f.summary).toEqual(assessmentSummary(closed.assessment!));
    expect(f.summary).toMatchObject({ tasks: 83, indicators: 50, projects: 11 });
    const text = plainText(doc);
    expect(text).toContain(`方案共有任务 83 项，已完成 ${f.summary.tasksDone} 项`);
    expect(text).toContain('于2026年11月24日结束并完成终期评估');
    expect((await plan()).tasks).toHaveLength(83);
  });
});

describe('全市工作简报', () => {
  it('puts every county office side by side as 各旗区总览 does, and what moved in each', async () => {
    const { ws, docs } = await cityOffice();
    const doc = await docs.model('city-briefing', { period: PERIOD });
    expect(doc.title).toBe('鄂尔多斯市“无废城市”建设工作简报（2026年第11期）');
    const f = doc.facts as CityBriefingFacts;
    const overview = await cityOverview(ws, '150600', PERIOD, DAY);
    expect(f.reported).toEqual(['伊金霍洛旗']);
    expect(f.notReported).toEqual(overview.missing.map((r) => r.name));
    const yiqi = overview.rows.find((r) => r.code === '150627')!;
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.find((r) => r[0] === '伊金霍洛旗')).toEqual(['伊金霍洛旗', '已报送', String(yiqi.tasks), String(yiqi.byStatus.done), String(yiqi.overdue), `${yiqi.coverage}%`, String(yiqi.indicatorsBehind), `${yiqi.investmentCompleted}/${yiqi.investmentPlanned}`]);
    expect(f.offices.map((o) => o.name)).toEqual(['伊金霍洛旗']);
    expect(plainText(doc)).toContain('旗生态环境局（');
    const county = await seededOffice();
    await expect(county.docs.model('city-briefing', { period: PERIOD })).rejects.toThrow('全市简报只能由市级无废办生成');
    // The city's own 年度总结 is written from its own plan.
    expect((await docs.model('annual', { year: 2025 })).title).toBe('鄂尔多斯市2025年“无废城市”建设工作总结');
  });
});
