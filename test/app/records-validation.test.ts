import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { RecordsService } from '../../shared/app/records-service';
import { ValidationError, type Change } from '../../shared/app/change';
import { HybridClock } from '../../shared/sync/hlc';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import type { ProgressEntry, IndicatorValue } from '../../shared/domain/progress';

const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));

async function ledger(): Promise<RecordsService> {
  const l = new RecordsService(new MemoryStorage(), new HybridClock('dev1'));
  await l.loadPlan(plan);
  return l;
}

async function refusal(l: RecordsService, change: Change): Promise<string[]> {
  const before = await l.storage.listBy('audit', 'recordId', plan.tasks[0].id);
  const e = await l.apply(change).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  expect(await l.storage.listBy('audit', 'recordId', plan.tasks[0].id)).toEqual(before);
  return (e as ValidationError).issues;
}

const task = plan.tasks[0];
const project = plan.projects[0];
const percentIndicator = plan.indicators.find((i) => i.unit === '%' && !/增长|增速|变化|提高/.test(i.name))!;

const progress = (over: Partial<ProgressEntry>): ProgressEntry => ({
  id: '150627-pe-1',
  officeCode: '150627',
  subjectKind: 'task',
  subjectId: task.id,
  period: '2026-03',
  percent: 40,
  status: 'in-progress',
  thisMonth: '推进',
  problems: '',
  nextSteps: '',
  reportedBy: '',
  reportedAt: '2026-03-10T08:00:00+08:00',
  deviceId: 'dev1',
  ...over,
});

describe('the ledger refuses nonsense with Chinese messages naming the field, and stores nothing', () => {
  it('a deadline on a day that does not exist', async () => {
    const l = await ledger();
    const issues = await refusal(l, {
      label: '改时限',
      edits: [{ table: 'tasks', id: task.id, patch: { deadline: { text: '2026年2月30日前', points: [{ precision: 'day', date: '2026-02-30' }], open: null } } }],
    });
    expect(issues).toEqual(['完成时限第1个日期：2026-02-30 这一天不存在']);
    expect((await l.get('tasks', task.id))?.deadline).toEqual(task.deadline);
  });

  it('a percentage of 150 or −5', async () => {
    const l = await ledger();
    expect(await refusal(l, { label: '进展', appends: [{ table: 'progress', record: progress({ percent: 150 }) }] })).toEqual(['完成进度：不能大于 100']);
    expect(await refusal(l, { label: '进展', appends: [{ table: 'progress', record: progress({ percent: -5 }) }] })).toEqual(['完成进度：不能小于 0']);
    expect(await l.progressFor('150627')).toEqual([]);
  });

  it('a 20,000-character report', async () => {
    const l = await ledger();
    expect(await refusal(l, { label: '进展', appends: [{ table: 'progress', record: progress({ thisMonth: '字'.repeat(20000) }) }] })).toEqual(['本月进展：最多 2000 字']);
  });

  it('an absurd investment', async () => {
    const l = await ledger();
    const entry = progress({ subjectKind: 'project', subjectId: project.id, investmentToDate: '100000000000000000000' });
    expect(await refusal(l, { label: '进展', appends: [{ table: 'progress', record: entry }] })).toEqual([
      '累计完成投资：金额不能超过 100000000 万元（1 万亿元），请核对单位是否为万元',
    ]);
  });

  it('an indicator value against its unit, and a year outside the bounds', async () => {
    const l = await ledger();
    const value = (over: Partial<IndicatorValue>): IndicatorValue => ({
      id: '150627-iv-1',
      officeCode: '150627',
      indicatorId: percentIndicator.id,
      year: 2025,
      month: null,
      value: { kind: 'number', value: 95 },
      judgement: null,
      note: '',
      enteredBy: '',
      enteredAt: '2026-03-10T08:00:00+08:00',
      deviceId: 'dev1',
      ...over,
    });
    expect(await refusal(l, { label: '值', appends: [{ table: 'indicatorValues', record: value({ value: { kind: 'number', value: 150 } }) }] })).toEqual([
      `${percentIndicator.name} 的实际值单位为 %，应在 0 到 100 之间，不能为 150`,
    ]);
    expect(await refusal(l, { label: '值', appends: [{ table: 'indicatorValues', record: value({ year: 1900 }) }] })).toEqual(['年份：不能小于 2000']);
    expect(await l.indicatorValuesFor('150627')).toEqual([]);
    await l.apply({ label: '值', appends: [{ table: 'indicatorValues', record: value({}) }] });
    expect(await l.indicatorValuesFor('150627')).toHaveLength(1);
  });

  it('a blank task title', async () => {
    const l = await ledger();
    expect(await refusal(l, { label: '改名', edits: [{ table: 'tasks', id: task.id, patch: { title: '   ' } }] })).toEqual(['任务名称：不能为空']);
  });
});

describe('a department’s claim that a task is finished (from its form)', () => {
  const lead = task.leads[0].departmentId;
  const helper = task.participants.find((p) => !task.leads.some((l) => l.departmentId === p.departmentId))?.departmentId;
  const claim = { date: '2026-03-08', evidence: '验收意见（伊环发〔2026〕3号）' };

  it('is accepted from a lead unit saying 100 and 已完成, and stored as sent', async () => {
    const l = await ledger();
    const entry = progress({ percent: 100, status: 'done', departmentId: lead, completionClaim: claim });
    await l.addProgress(entry);
    expect(await l.progressFor('150627')).toEqual([entry]);
    // The task itself is not completed: the office confirms it in 完成情况.
    expect((await l.get('tasks', task.id))?.completion).toBeNull();
  });

  it('is refused from a participating unit, from the office, below 100, on a project, or with a day that does not exist', async () => {
    const l = await ledger();
    expect(helper).toBeDefined();
    const append = (over: Partial<ProgressEntry>) => ({ label: '进展', appends: [{ table: 'progress' as const, record: progress({ percent: 100, status: 'done', completionClaim: claim, ...over }) }] });
    expect(await refusal(l, append({ departmentId: helper }))).toEqual(['只有任务的牵头单位可以报告任务完成；配合单位的报告是本单位的配合情况']);
    expect(await refusal(l, append({}))).toEqual(['只有任务的牵头单位可以报告任务完成；配合单位的报告是本单位的配合情况']);
    expect(await refusal(l, append({ departmentId: lead, percent: 90, status: 'in-progress' }))).toEqual(['报告任务完成时，完成进度应为 100、状态应为“已完成”']);
    expect(await refusal(l, append({ departmentId: lead, subjectKind: 'project', subjectId: project.id }))).toEqual(['只有任务可以报告完成（完成日期和完成依据），项目请填写建设状态']);
    expect(await refusal(l, append({ departmentId: lead, completionClaim: { date: '2026-02-30', evidence: 'x' } }))).toEqual(['完成报告的日期：2026-02-30 这一天不存在']);
    expect(await l.progressFor('150627')).toEqual([]);
  });
});
