import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { RecordsService } from '../../shared/app/records-service';
import { HybridClock } from '../../shared/sync/hlc';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { noProgressChange, NO_PROGRESS_TEXT } from '../../shared/views/no-progress';
import { progress } from '../support/factories';

const seed = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const [a, b, c, d, e] = seed.tasks;
let n = 0;
const ctx = { now: '2026-03-20T02:00:00.000Z', deviceId: 'dev1', newId: () => `150627-pe-np${++n}` };
const PERIOD = '2026-03';

describe('本月无新进展 for several tasks', () => {
  const progressLog = [
    progress('2026-02', 40, { subjectId: a.id, status: 'stalled', nextSteps: '协调用地', reportedBy: '旗生态环境局' }),
    progress('2026-03', 10, { subjectId: b.id }),
    progress('2026-01', 100, { subjectId: d.id, status: 'in-progress' }),
  ];
  const plan = { office: seed.office, tasks: seed.tasks.map((t) => (t.id === c.id ? { ...t, completion: { date: '2025-12-01', evidence: '验收报告' } } : t)), progress: progressLog };

  it('repeats each task’s latest report, and skips (naming why) what is reported, completed or awaits confirmation', () => {
    const r = noProgressChange(plan, [a.id, b.id, c.id, d.id, e.id, a.id], PERIOD, ctx);
    expect(r.marked).toEqual([a.id, e.id]);
    expect(r.skipped.map((s) => [s.id, s.why])).toEqual([
      [b.id, '本月已报送'],
      [c.id, '任务已完成'],
      [d.id, '上次报告为已完成，请在“完成情况”中确认完成'],
    ]);
    expect(r.change?.label).toBe('本月无新进展（2 项任务）');
    expect(r.change?.appends?.map((x) => x.record)).toEqual([
      expect.objectContaining({ subjectId: a.id, period: PERIOD, percent: 40, status: 'stalled', thisMonth: NO_PROGRESS_TEXT, nextSteps: '协调用地', reportedBy: '' }),
      expect.objectContaining({ subjectId: e.id, period: PERIOD, percent: 0, status: 'not-started', thisMonth: NO_PROGRESS_TEXT }),
    ]);
  });

  it('a participating unit’s 配合情况 does not count as the task reported; the repeat is the lead’s figure', () => {
    const helper = seed.departments.find((x) => !a.leads.some((l) => l.departmentId === x.id));
    if (!helper) throw new Error('seed has a unit that does not lead task a');
    const withHelper = {
      ...plan,
      departments: seed.departments,
      tasks: plan.tasks.map((t) => (t.id === a.id ? { ...t, participants: [{ departmentId: helper.id, role: '配合' as const }] } : t)),
      progress: [...progressLog, progress('2026-03', 90, { subjectId: a.id, departmentId: helper.id })],
    };
    const r = noProgressChange(withHelper, [a.id], PERIOD, ctx);
    expect(r.marked).toEqual([a.id]);
    expect(r.change?.appends?.[0].record).toMatchObject({ percent: 40, status: 'stalled' });
  });

  it('reports a task completed after this month, which still owed this month’s report', () => {
    const later = { ...plan, tasks: plan.tasks.map((t) => (t.id === c.id ? { ...t, completion: { date: '2026-04-10', evidence: '验收报告' } } : t)) };
    expect(noProgressChange(later, [c.id], PERIOD, ctx).marked).toEqual([c.id]);
  });

  it('makes no change when every chosen task is skipped', () => {
    expect(noProgressChange(plan, [b.id], PERIOD, ctx)).toMatchObject({ change: null, marked: [] });
  });

  it('is one commit the ledger accepts, and one undo removes every report it made', async () => {
    const records = new RecordsService(new MemoryStorage(), new HybridClock('dev1'));
    await records.loadPlan(seed);
    const { change } = noProgressChange({ ...seed, progress: [] }, [a.id, b.id], PERIOD, ctx);
    const inverse = await records.apply(change!);
    const reported = async () => (await records.readPlan(seed.office.code)).progress.filter((p) => p.period === PERIOD).map((p) => p.subjectId).sort();
    expect(await reported()).toEqual([a.id, b.id].sort());
    await records.apply(inverse);
    expect(await reported()).toEqual([]);
  });

  it('repeats a project’s latest report with its investment to date; this year’s starts from nothing in a new year; built projects are left alone', () => {
    const [p1, p2, p3, p4] = seed.projects.map((p, i) => ({ ...p, constructionStatus: i === 2 ? ('completed' as const) : ('under-construction' as const) }));
    const log = [
      progress('2025-12', 70, { subjectKind: 'project', subjectId: p1.id, investmentToDate: '1200', investmentThisYear: '300', nextSteps: '设备安装' }),
      progress('2026-02', 75, { subjectKind: 'project', subjectId: p2.id, investmentToDate: '800', investmentThisYear: '50' }),
    ];
    const r = noProgressChange({ office: seed.office, tasks: seed.tasks, projects: [p1, p2, p3, p4], progress: log }, [p1.id, p2.id, p3.id, p4.id, a.id], PERIOD, ctx);
    expect(r.marked).toEqual([p1.id, p2.id, p4.id, a.id]);
    expect(r.skipped.map((x) => [x.id, x.why])).toEqual([[p3.id, '项目已建成']]);
    expect(r.words).toBe('1 项任务、3 个项目');
    expect(r.change?.label).toBe('本月无新进展（1 项任务、3 个项目）');
    const records = r.change!.appends!.map((x) => x.record);
    expect(records[0]).toMatchObject({ subjectKind: 'project', subjectId: p1.id, percent: 70, investmentToDate: '1200', investmentThisYear: '0', nextSteps: '设备安装', thisMonth: NO_PROGRESS_TEXT });
    expect(records[1]).toMatchObject({ subjectKind: 'project', subjectId: p2.id, percent: 75, investmentToDate: '800', investmentThisYear: '50' });
    expect(records[2]).toMatchObject({ subjectKind: 'project', subjectId: p4.id, percent: 0, status: 'not-started' });
    expect(records[2]).not.toHaveProperty('investmentToDate');
    expect(records[3]).toMatchObject({ subjectKind: 'task', subjectId: a.id });
  });

  it('does not read a task’s report as a project’s (or the other way round)', () => {
    const project = seed.projects[0];
    const log = [progress('2026-03', 50, { subjectKind: 'task', subjectId: project.id })];
    expect(noProgressChange({ office: seed.office, tasks: [], projects: [project], progress: log }, [project.id], PERIOD, ctx).marked).toEqual([project.id]);
  });
});
