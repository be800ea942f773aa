import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../../shared/app/workspace';
import { setUpWorkspace } from '../../../shared/app/setup/setup';
import { ValidationError } from '../../../shared/app/change';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import type { ProgressEntry } from '../../../shared/domain/progress';
import { problemIdFromEntry } from '../../../shared/views/problems';
import { namedRecord } from '../../../shared/views/record-label';

const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const OFFICE = plan.office.code;
const dept = (name: string) => {
  const d = plan.departments.find((x) => x.name === name);
  if (!d) throw new Error(name);
  return d;
};
const gxj = dept('旗工信局');
const sthj = dept('旗生态环境局');
const ledBy = (id: string) => {
  const t = plan.tasks.find((x) => x.leads.some((l) => l.departmentId === id));
  if (!t) throw new Error(id);
  return t;
};
const taskA = ledBy(gxj.id);
const taskB = ledBy(sthj.id);

/** Today is 2025-12-04 in Beijing: the November reports are being collected (until the 5th). */
const NOW = Date.parse('2025-12-04T02:00:00Z');
let seq = 0;

function report(subjectId: string, departmentId: string | undefined, problems: string, extra: Partial<ProgressEntry> = {}): ProgressEntry {
  seq += 1;
  return {
    id: `${OFFICE}-progress-t${seq}`,
    officeCode: OFFICE,
    subjectKind: 'task',
    subjectId,
    period: '2025-11',
    percent: 40,
    status: 'in-progress',
    thisMonth: '推进中',
    problems,
    nextSteps: '',
    reportedBy: departmentId ? (plan.departments.find((d) => d.id === departmentId)?.name ?? '') : '无废办',
    ...(departmentId ? { departmentId } : {}),
    reportedAt: '2025-12-03T09:00:00.000+08:00',
    deviceId: 'dev1',
    ...extra,
  };
}

async function workspace(now = NOW): Promise<Workspace> {
  const ws = await openWorkspace(new MemoryStorage(), { now: () => now });
  await setUpWorkspace(ws, plan, 'plan');
  return ws;
}

describe('raising the 存在问题 of the month’s reports', () => {
  it('offers every non-empty 存在问题 not yet raised, the latest correction of each unit, and raises the batch in one step', async () => {
    const ws = await workspace();
    const first = report(taskA.id, gxj.id, '企业固废台账不全', { reportedAt: '2025-12-02T09:00:00.000+08:00' });
    const corrected = report(taskA.id, gxj.id, '企业固废台账不全，3家企业未建账');
    const none = report(taskB.id, sthj.id, '暂无');
    const office = report(taskB.id, undefined, '监测设备采购资金未到位');
    for (const e of [first, corrected, none, office]) await ws.records.addProgress(e);

    const candidates = await ws.problems.candidates(OFFICE);
    expect(candidates.map((c) => c.entry.id).sort()).toEqual([corrected.id, office.id].sort());
    const a = candidates.find((c) => c.entry.id === corrected.id);
    expect(a).toMatchObject({ text: '企业固废台账不全，3家企业未建账', raisedOn: '2025-12-03', responsibleId: gxj.id, proposal: { action: 'new', kind: 'general', due: '2026-01-03' } });
    // The office's own record: responsible is the task's lead unit.
    expect(candidates.find((c) => c.entry.id === office.id)).toMatchObject({ responsibleId: taskB.leads[0].departmentId, unit: { name: '无废办' } });

    const result = await ws.problems.raise(OFFICE, [
      { entryId: corrected.id, action: 'new', kind: 'general' },
      { entryId: office.id, action: 'new', kind: 'special', due: '2026-06-30' },
    ]);
    expect(result.raised.map((p) => p.id)).toEqual([problemIdFromEntry(OFFICE, corrected.id), problemIdFromEntry(OFFICE, office.id)]);
    expect(await ws.problems.candidates(OFFICE)).toEqual([]);
    const list = await ws.problems.list(OFFICE);
    expect(list.map((v) => [v.problem.text, v.statusLabel, v.problem.due])).toEqual([
      ['企业固废台账不全，3家企业未建账', '待处理', '2026-01-03'],
      ['监测设备采购资金未到位', '待处理', '2026-06-30'],
    ]);

    // One undo (the workspace's, as 撤销 and zwc undo) takes the whole batch back; the reports are offered again.
    expect(await ws.undo.undo()).toBe('登记存在问题 2 个');
    expect(await ws.problems.list(OFFICE)).toEqual([]);
    expect((await ws.problems.candidates(OFFICE)).map((c) => c.entry.id).sort()).toEqual([corrected.id, office.id].sort());
    // Raised again after the undo: a new id (the old one is in the bin), still one problem each.
    const again = await ws.problems.raise(OFFICE, [{ entryId: corrected.id, action: 'new', kind: 'complex' }]);
    expect(again.raised[0].id).not.toBe(problemIdFromEntry(OFFICE, corrected.id));
    expect(again.raised[0].due).toBe('2026-03-03');
  });

  it('refuses a 特殊 problem without a day, a due date off the rule without a reason, a report raised twice — naming each, writing nothing', async () => {
    const ws = await workspace();
    const e1 = report(taskA.id, gxj.id, '问题一');
    const e2 = report(taskB.id, sthj.id, '问题二');
    await ws.records.addProgress(e1);
    await ws.records.addProgress(e2);
    const err = await ws.problems
      .raise(OFFICE, [
        { entryId: e1.id, action: 'new', kind: 'special' },
        { entryId: e2.id, action: 'new', kind: 'general', due: '2026-02-01' },
      ])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const issues = (err as ValidationError).issues;
    expect(issues).toEqual([expect.stringContaining('特殊问题须由无废办确定办结时限'), expect.stringContaining('须写明理由')]);
    expect(issues[0]).toContain('旗工信局');
    expect(await ws.problems.list(OFFICE)).toEqual([]);

    const ok = await ws.problems.raise(OFFICE, [{ entryId: e2.id, action: 'new', kind: 'general', due: '2026-02-01', dueReason: '春节前后企业停产' }]);
    expect(ok.raised[0].dueChanges).toEqual([{ on: '2025-12-03', from: '2026-01-03', to: '2026-02-01', reason: '春节前后企业停产' }]);
    await expect(ws.problems.raise(OFFICE, [{ entryId: e2.id, action: 'new', kind: 'general' }])).rejects.toThrow('不是待登记的存在问题');
  });

  it('proposes a later report of the same unit on the same task as a follow-up of its open problem, and links it', async () => {
    const ws = await workspace(Date.parse('2026-01-06T02:00:00Z'));
    const nov = report(taskA.id, gxj.id, '企业固废台账不全');
    await ws.records.addProgress(nov);
    await ws.problems.raise(OFFICE, [{ entryId: nov.id, action: 'new', kind: 'general' }]);
    const dec = report(taskA.id, gxj.id, '已有2家企业补建台账，1家仍未建', { period: '2025-12', reportedAt: '2026-01-04T10:00:00.000+08:00' });
    await ws.records.addProgress(dec);
    const [c] = await ws.problems.candidates(OFFICE, { period: '2025-12' });
    const problemId = problemIdFromEntry(OFFICE, nov.id);
    expect(c.proposal).toEqual({ action: 'link', problemId });
    expect(c.openOnSubject.map((v) => v.problem.id)).toEqual([problemId]);
    const r = await ws.problems.raise(OFFICE, [{ entryId: dec.id, action: 'link', problemId }]);
    expect(r.linked).toEqual([{ problemId, entryId: dec.id }]);
    const p = await ws.problems.get(problemId);
    expect(p?.followUps).toEqual([{ date: '2026-01-04', unit: { departmentId: gxj.id }, text: '已有2家企业补建台账，1家仍未建', resolved: false, sourceEntryId: dec.id }]);
    // Raised 2025-12-03, due 2026-01-03: on 2026-01-06 it is overdue by 3 days, followed up or not.
    const [v] = await ws.problems.overdueFor(OFFICE, gxj.id);
    expect(v).toMatchObject({ status: 'overdue', daysOverdue: 3, ageDays: 34 });
    expect(await ws.problems.candidates(OFFICE, { period: '2025-12' })).toEqual([]);
  });
});

describe('following a problem until 销号', () => {
  async function raised() {
    const ws = await workspace(Date.parse('2026-01-06T02:00:00Z'));
    const e = report(taskA.id, gxj.id, '企业固废台账不全');
    const other = report(taskB.id, sthj.id, '危废转移联单填写不规范');
    await ws.records.addProgress(e);
    await ws.records.addProgress(other);
    await ws.problems.raise(OFFICE, [
      { entryId: e.id, action: 'new', kind: 'general' },
      { entryId: other.id, action: 'new', kind: 'complex' },
    ]);
    return { ws, id: problemIdFromEntry(OFFICE, e.id), otherId: problemIdFromEntry(OFFICE, other.id) };
  }

  it('lists overdue first, filters by unit and status, and gives the department’s form rows', async () => {
    const { ws, id, otherId } = await raised();
    const list = await ws.problems.list(OFFICE);
    expect(list.map((v) => [v.problem.id, v.statusLabel, v.responsibleName])).toEqual([
      [id, '已逾期', '旗工信局'],
      [otherId, '待处理', '旗生态环境局'],
    ]);
    expect((await ws.problems.list(OFFICE, { unit: sthj.id })).map((v) => v.problem.id)).toEqual([otherId]);
    expect((await ws.problems.list(OFFICE, { status: 'overdue' })).map((v) => v.problem.id)).toEqual([id]);
    expect((await ws.problems.list(OFFICE, { subjectId: taskB.id })).map((v) => v.problem.id)).toEqual([otherId]);
    const rows = await ws.problems.openForDepartment(OFFICE, gxj.id);
    expect(rows).toEqual([expect.objectContaining({ problemId: id, text: '企业固废台账不全', due: '2026-01-03', statusLabel: '已逾期', daysOverdue: 3, lastProgress: '', lastResolved: null })]);
  });

  it('records follow-ups, a due change with its reason, 销号 with evidence, and reopening — each in the audit trail and undoable', async () => {
    const { ws, id } = await raised();
    await ws.problems.followUp(id, { date: '2026-01-05', unit: { departmentId: gxj.id }, text: '已督促企业建账', resolved: false });
    expect((await ws.problems.view(id))?.status).toBe('overdue');
    await expect(ws.problems.setDue(id, '2026-02-28', '  ')).rejects.toThrow('须写明理由');
    await ws.problems.setDue(id, '2026-02-28', '涉及企业停产检修', { by: '李四' });
    expect(await ws.problems.view(id)).toMatchObject({ status: 'in-progress', problem: { due: '2026-02-28', dueChanges: [{ on: '2026-01-06', from: '2026-01-03', to: '2026-02-28', reason: '涉及企业停产检修', by: '李四' }] } });

    await expect(ws.problems.close(id, { evidence: ' ', confirmedBy: '张三' })).rejects.toThrow('须写明依据');
    await expect(ws.problems.close(id, { date: '2026-01-07', evidence: '台账照片', confirmedBy: '张三' })).rejects.toThrow('不能晚于今天');
    const undoClose = await ws.problems.close(id, { evidence: '3家企业台账已建立，现场核查照片', confirmedBy: '张三' });
    expect(await ws.problems.view(id)).toMatchObject({ status: 'closed', statusLabel: '已销号', problem: { closing: { date: '2026-01-06', confirmedBy: '张三' } } });
    await expect(ws.problems.followUp(id, { unit: { departmentId: gxj.id }, text: 'x', resolved: true })).rejects.toThrow('已销号');

    expect((await ws.undo.next())?.label).toBe(undoClose.label);
    expect(await ws.undo.undo()).toBe('问题销号');
    expect((await ws.problems.get(id))?.closing).toBeNull();
    await ws.problems.close(id, { date: '2026-01-06', evidence: '台账已建立', confirmedBy: '张三' });
    await ws.problems.reopen(id, '复查发现1家企业台账仍缺失');
    const p = await ws.problems.get(id);
    expect(p?.closing).toBeNull();
    expect(p?.reopenings).toEqual([{ on: '2026-01-06', reason: '复查发现1家企业台账仍缺失', closing: { date: '2026-01-06', evidence: '台账已建立', confirmedBy: '张三' } }]);

    const fields = (await ws.problems.history(id)).map((a) => `${a.action}:${a.field}`);
    expect(fields).toEqual(['create:*', 'update:followUps', 'update:due', 'update:dueChanges', 'update:closing', 'update:closing', 'update:closing', 'update:closing', 'update:reopenings']);
  });

  it('moves a problem to the bin and back', async () => {
    const { ws, id } = await raised();
    await ws.problems.remove(id);
    expect((await ws.problems.list(OFFICE)).map((v) => v.problem.id)).not.toContain(id);
    expect((await ws.records.deleted('problems', OFFICE)).map((d) => d.record.id)).toEqual([id]);
    const [binned] = await ws.records.deleted('problems', OFFICE);
    expect(namedRecord(binned.record, 'problems', await ws.records.lookup(OFFICE))).toBe(`任务 ${taskA.domainLabel} ${taskA.number} ${taskA.title} · 问题：企业固废台账不全`);
    await ws.problems.restore(id);
    expect((await ws.problems.list(OFFICE)).map((v) => v.problem.id)).toContain(id);
  });

  it('enters a problem directly, with the due date of its kind', async () => {
    const { ws } = await raised();
    const { problem } = await ws.problems.create(OFFICE, { subjectKind: 'task', subjectId: taskA.id, text: '督查发现堆场未覆盖', kind: 'complex', raisedBy: { name: '旗督查室' }, responsibleId: gxj.id });
    expect(problem).toMatchObject({ raisedOn: '2026-01-06', due: '2026-04-06' });
    expect(problem.sourceEntryId).toBeUndefined();
    await expect(ws.problems.create(OFFICE, { subjectKind: 'task', subjectId: taskA.id, text: 'x', kind: 'special', raisedBy: { name: 'y' }, responsibleId: null })).rejects.toThrow('确定办结时限');
  });
});
