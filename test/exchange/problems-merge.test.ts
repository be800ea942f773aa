import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { setUpWorkspace, type SeedCatalogue } from '../../shared/app/setup/setup';
import { receiverOf } from '../../shared/exchange/rules';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { cityOverview, cityProblems } from '../../shared/app/city/city-overview-service';
import { problemIdFromEntry } from '../../shared/views/problems';
import type { ProgressEntry } from '../../shared/domain/progress';

/**
 * Problems travel in real signed bundles: two laptops of 伊金霍洛旗 merge a problem field by field
 * (a conflict kept where both changed the due date), and 鄂尔多斯市 sees its county offices' open and
 * overdue problems side by side.
 */
const seed = (file: string) => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8')));
const YIQI = seed('150627-yijinhuoluo.json');
const ORDOS = seed('150600-ordos.json');
const gxj = YIQI.departments.find((d) => d.name === '旗工信局');
const task = YIQI.tasks.find((t) => t.leads.some((l) => l.departmentId === gxj?.id));
if (!gxj || !task) throw new Error('seed changed');

// Beijing time 2025-12-04 10:00 (A) and 10:30 (B); the import the next day.
const T_A = Date.parse('2025-12-04T02:00:00Z');
const T_B = Date.parse('2025-12-04T02:30:00Z');
const LATER = Date.parse('2025-12-05T01:00:00Z');

/** The city's plan, for a county office set up from the tasks its city assigned it. */
const seeds: SeedCatalogue = { plan: (code) => (code === '150600' ? { load: async () => JSON.parse(readFileSync(join(__dirname, '../../seeds/150600-ordos.json'), 'utf8')) as unknown } : undefined) };

async function laptop(at: number, id: string, setUp: (ws: Workspace) => Promise<unknown>): Promise<Workspace> {
  const bytes = new TextEncoder().encode(id.padEnd(8, '0').slice(0, 8));
  const ws = await openWorkspace(new MemoryStorage(), { random: () => bytes, now: () => at, seeds });
  await setUp(ws);
  return ws;
}
const yiqiLaptop = (at: number, id: string) => laptop(at, id, (ws) => setUpWorkspace(ws, YIQI, 'plan', new Date(at)));

async function send(from: Workspace, officeCode: string) {
  const out = await from.exchange.exportBundle(officeCode, '2025-11', new Date(LATER));
  return { name: out.fileName, data: out.bytes };
}

async function receive(to: Workspace, officeCode: string, file: { name: string; data: Uint8Array }) {
  const receiver = receiverOf(officeCode);
  let prepared = await to.exchange.prepareImport(receiver, file, new Date(LATER));
  if (prepared.kind === 'untrusted') {
    await to.trust.trust({ officeCode: prepared.officeCode, publicKey: prepared.publicKey });
    prepared = await to.exchange.prepareImport(receiver, file, new Date(LATER));
  }
  if (prepared.kind !== 'ready') throw new Error(`not imported: ${prepared.kind === 'refused' ? prepared.refusal.message : prepared.kind}`);
  await to.exchange.applyImport(prepared, new Date(LATER));
  return prepared;
}

const entry: ProgressEntry = {
  id: '150627-progress-nov-gxj',
  officeCode: '150627',
  subjectKind: 'task',
  subjectId: task.id,
  period: '2025-11',
  percent: 40,
  status: 'in-progress',
  thisMonth: '推进中',
  problems: '3家企业未建立固废台账',
  nextSteps: '',
  reportedBy: '旗工信局',
  departmentId: gxj.id,
  reportedAt: '2025-12-03T09:00:00.000+08:00',
  deviceId: 'aaaa1111',
};
const PROBLEM = problemIdFromEntry('150627', entry.id);

describe('problems between two laptops of one office', () => {
  it('a bundle without problems carries no problems table (older software still reads it); one with problems does', async () => {
    const a = await yiqiLaptop(T_A, 'aaaa1111');
    const b = await yiqiLaptop(T_B, 'bbbb2222');
    const plain = await receive(b, '150627', await send(a, '150627'));
    expect(plain.kind === 'ready' && Object.keys(plain.bundle.manifest.counts)).not.toContain('problems');
    await a.records.addProgress(entry);
    await a.problems.raise('150627', [{ entryId: entry.id, action: 'new', kind: 'general' }]);
    const withProblems = await receive(b, '150627', await send(a, '150627'));
    expect(withProblems.kind === 'ready' && withProblems.bundle.manifest.counts.problems).toBe(1);
    expect((await b.problems.list('150627')).map((v) => [v.problem.id, v.statusLabel, v.problem.due])).toEqual([[PROBLEM, '待处理', '2026-01-03']]);
    // Raised from the same report on B it would be the same record: B is offered nothing more.
    expect(await b.problems.candidates('150627', { period: '2025-11' })).toEqual([]);
  });

  it('merges field by field: one laptop’s follow-up and the other’s 销号 both kept; two due dates a conflict kept for a person', async () => {
    const a = await yiqiLaptop(T_A, 'aaaa1111');
    const b = await yiqiLaptop(T_B, 'bbbb2222');
    await a.records.addProgress(entry);
    await a.problems.raise('150627', [{ entryId: entry.id, action: 'new', kind: 'general' }]);
    await receive(b, '150627', await send(a, '150627'));

    // Concurrently: A records a follow-up and moves the due date; B closes it and moves the due date too.
    await a.problems.followUp(PROBLEM, { date: '2025-12-04', unit: { departmentId: gxj.id }, text: '已督促2家企业建账', resolved: false });
    await a.problems.setDue(PROBLEM, '2026-01-31', '企业年底停产检修');
    await b.problems.setDue(PROBLEM, '2026-02-15', '需市局指导');
    await b.problems.close(PROBLEM, { evidence: '3家企业台账照片', confirmedBy: '王五' });

    await receive(a, '150627', await send(b, '150627'));
    await receive(b, '150627', await send(a, '150627'));
    for (const ws of [a, b]) {
      const p = await ws.problems.get(PROBLEM);
      expect(p?.followUps.map((f) => f.text)).toEqual(['已督促2家企业建账']);
      expect(p?.closing).toEqual({ date: '2025-12-04', evidence: '3家企业台账照片', confirmedBy: '王五' });
      // B's write is the later one: its due date shows, A's is kept in the conflict.
      expect(p?.due).toBe('2026-02-15');
      const conflicts = (await ws.exchange.conflictViews('150627', 'county')).filter((c) => c.id === PROBLEM);
      expect(conflicts.map((c) => [c.tableLabel, c.fieldLabel, c.sides.map((s) => s.value)])).toEqual([
        ['问题', '办结时限', ['2026-01-31', '2026-02-15']],
        [
          '问题',
          '时限调整记录',
          [[{ on: '2025-12-04', from: '2026-01-03', to: '2026-01-31', reason: '企业年底停产检修' }], [{ on: '2025-12-04', from: '2026-01-03', to: '2026-02-15', reason: '需市局指导' }]],
        ],
      ]);
      expect(conflicts[0].title).toContain('问题：3家企业未建立固废台账');
    }
  });
});

describe('the city sees its county offices’ problems', () => {
  it('lists open and overdue problems of two county offices side by side, from their bundles', async () => {
    const yiqi = await yiqiLaptop(T_A, 'aaaa1111');
    await yiqi.records.addProgress(entry);
    await yiqi.problems.raise('150627', [{ entryId: entry.id, action: 'new', kind: 'general' }]);
    const special = await yiqi.problems.create('150627', { subjectKind: 'task', subjectId: task.id, text: '企业破产清算，固废待处置', kind: 'special', due: '2026-06-30', raisedBy: { name: '无废办' }, responsibleId: gxj.id });

    const dlt = await laptop(T_B, 'cccc3333', (ws) => ws.setup.setUp('150621', 'city'));
    const dltPlan = await dlt.records.readPlan('150621');
    const dltTask = dltPlan.tasks[0];
    const { problem: early } = await dlt.problems.create('150621', { subjectKind: 'task', subjectId: dltTask.id, text: '填埋场渗滤液超标', kind: 'general', raisedOn: '2025-10-20', raisedBy: { name: '旗生态环境分局' }, responsibleId: null });

    const city = await laptop(T_B, 'dddd4444', (ws) => setUpWorkspace(ws, ORDOS, 'plan', new Date(T_B)));
    await receive(city, '150600', await send(yiqi, '150627'));
    await receive(city, '150600', await send(dlt, '150621'));

    // On 2025-12-04 达拉特旗's problem (due 2025-11-20) is overdue; 伊金霍洛旗's two are in time.
    const list = await cityProblems(city, '150600', '2025-12-04');
    expect(list.map((v) => [v.officeName, v.problem.text, v.statusLabel, v.daysOverdue])).toEqual([
      ['达拉特旗', '填埋场渗滤液超标', '已逾期', 14],
      ['伊金霍洛旗', '3家企业未建立固废台账', '待处理', 0],
      ['伊金霍洛旗', '企业破产清算，固废待处置', '待处理', 0],
    ]);
    expect(list[0].problem.id).toBe(early.id);
    expect(list[2].problem.id).toBe(special.problem.id);
    const { rows } = await cityOverview(city, '150600', '2025-11', '2026-01-10');
    const line = (code: string) => rows.find((r) => r.code === code);
    // On 2026-01-10 伊金霍洛旗's 一般 problem (due 2026-01-03) is overdue too; the 特殊 one is not.
    expect(line('150627')).toMatchObject({ problemsOpen: 2, problemsOverdue: 1, problemsClosed: 0 });
    expect(line('150621')).toMatchObject({ problemsOpen: 1, problemsOverdue: 1 });
    expect(line('150602')).toMatchObject({ problemsOpen: 0, problemsOverdue: 0 });
    expect((await cityProblems(city, '150600', '2026-01-10', { status: 'overdue' })).map((v) => v.officeCode)).toEqual(['150621', '150627']);
  });
});
