import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { writeSetting } from '../../shared/app/settings';
import { EXCHANGE_KEYS } from '../../shared/app/trust/trust-service';
import { DocumentService } from '../../shared/app/documents/documents';
import { catchUpTasks } from '../../shared/app/plan-periods/plan-periods';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { scopeToPlan } from '../../shared/views/plan-scope';
import type { PlanData, PlanRecords } from '../../shared/views/plan-data';
import type { ImportRecord } from '../../shared/exchange/history';
import { progress } from '../support/factories';

export const seed = (file: string): PlanRecords => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8')));

/** 2026-12-04 10:00 in Beijing: the clerk makes November's documents. */
export const NOW = new Date('2026-12-04T02:00:00Z');
export const DAY = '2026-12-04';
export const PERIOD = '2026-11';

export const ECO = '150627-dep-002'; // 旗生态环境局

/**
 * The seeded 伊金霍洛旗 office with a known November 2026 (synthetic reports, not from any real
 * office): 旗生态环境局 reports two tasks it leads (one with a problem), the office records one
 * task itself, one project reports its investment; one task was completed in 2026 and one
 * indicator has a 2025 value.
 */
export async function seededOffice(): Promise<{ ws: Workspace; docs: DocumentService; plan: () => Promise<PlanData> }> {
  const ws = await openWorkspace(new MemoryStorage(), { now: () => NOW.getTime() });
  const records = seed('150627-yijinhuoluo.json');
  await setUpWorkspace(ws, records, 'plan', NOW);
  const read = async () => {
    const all = await ws.records.readPlan('150627');
    return scopeToPlan(all, all.office.currentPlanId);
  };
  const plan = await read();
  const ecoTasks = plan.tasks.filter((t) => t.leads.length === 1 && t.leads[0].departmentId === ECO);
  const other = plan.tasks.find((t) => !t.leads.some((l) => l.departmentId === ECO) && t.leads.length > 0)!;
  const project = plan.projects[0];
  const at = '2026-12-02T09:00:00.000+08:00';
  await ws.records.addProgress(progress(PERIOD, 60, { id: '150627-pe-doc-1', subjectId: ecoTasks[0].id, departmentId: ECO, reportedAt: at, thisMonth: '完成全旗固废产生单位排查，共42家。', problems: '专项资金尚未到位。', nextSteps: '开展核查' }));
  await ws.records.addProgress(progress(PERIOD, 40, { id: '150627-pe-doc-2', subjectId: ecoTasks[1].id, departmentId: ECO, reportedAt: at, thisMonth: '印发危险废物规范化管理工作方案。' }));
  await ws.records.addProgress(progress(PERIOD, 30, { id: '150627-pe-doc-3', subjectId: other.id, reportedBy: '电话调度', reportedAt: at, thisMonth: '电话调度：已完成方案初稿。' }));
  await ws.records.addProgress(
    progress(PERIOD, 70, { id: '150627-pe-doc-4', subjectKind: 'project', subjectId: project.id, reportedAt: at, thisMonth: '主体工程完工。', investmentToDate: '52000', investmentThisYear: '12000.5' }),
  );
  await ws.records.apply(catchUpTasks(await read(), [plan.tasks[2].id], '2026-06-30', '验收报告'));
  await ws.records.addIndicatorValue({ id: '150627-iv-doc-1', officeCode: '150627', indicatorId: plan.indicators[0].id, year: 2025, month: null, value: { kind: 'number', value: 7.2 }, judgement: null, note: '', enteredBy: '旗统计局', enteredAt: at, deviceId: 'testdevice' });
  return { ws, docs: new DocumentService(ws, () => NOW), plan: read };
}

/** The 鄂尔多斯市 city office holding 伊金霍洛旗's records as merged from its November bundle. */
export async function cityOffice(): Promise<{ ws: Workspace; docs: DocumentService }> {
  const county = await seededOffice();
  const ws = await openWorkspace(new MemoryStorage(), { now: () => NOW.getTime() });
  await setUpWorkspace(ws, seed('150600-ordos.json'), 'plan', NOW);
  const all = await county.ws.records.readPlan('150627');
  await ws.records.loadPlan({ office: all.office, departments: all.departments, leaders: all.leaders, tasks: all.tasks, projects: all.projects, indicators: all.indicators });
  for (const p of all.progress) await ws.records.addProgress(p);
  const merged: ImportRecord = { at: '2026-12-03T09:00:00.000+08:00', bundleId: 'b-150627-2026-11', officeCode: '150627', deviceId: 'testdevice', sequence: 1, period: PERIOD, fingerprint: '测试', fileName: '150627-2026-11.zwb', outcome: 'merged' };
  await ws.storage.transaction((tx) => writeSetting(tx, EXCHANGE_KEYS.history, [merged]));
  return { ws, docs: new DocumentService(ws, () => NOW) };
}
