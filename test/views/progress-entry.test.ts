import { progressEntry } from '../../shared/views/progress-entry';
import { blankProject, blankTask, NEW_PROJECT_NAME } from '../../shared/views/blank-records';
import { ProgressEntrySchema } from '../../shared/domain/progress';
import { ProjectSchema } from '../../shared/domain/project';
import { TaskSchema } from '../../shared/domain/task';

const stamp = { id: '150627-pe-1', officeCode: '150627', reportedAt: '2026-11-05T02:00:00.000Z', deviceId: 'dev1' };

describe('one builder for a progress entry, typed or imported', () => {
  it('trims texts, reads 万元 as written and stores no empty unit or amount', () => {
    const entry = progressEntry(
      { subjectKind: 'project', subjectId: '150627-prj-1', period: '2026-11', percent: 40, status: 'in-progress', thisMonth: ' 完成主体 ', problems: undefined, nextSteps: '验收\n', reportedBy: ' 张三 ', departmentId: '', investmentToDate: '3,000万元', investmentThisYear: '  ' },
      stamp,
    );
    expect(entry).toEqual({ ...stamp, subjectKind: 'project', subjectId: '150627-prj-1', period: '2026-11', percent: 40, status: 'in-progress', thisMonth: '完成主体', problems: '', nextSteps: '验收', reportedBy: '张三', investmentToDate: '3000' });
    expect(ProgressEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('saves the status chosen: the percentage never changes it (100 % completes nothing, done below 100 % stays done)', () => {
    for (const status of ['not-started', 'in-progress', 'done', 'stalled'] as const) {
      for (const percent of [0, 80, 100]) expect(progressEntry({ subjectKind: 'task', subjectId: 't', period: '2026-11', percent, status, thisMonth: 'x' }, stamp).status).toBe(status);
    }
  });

  it('keeps the unit and a completion claim, never an investment on a task, and a figure that is not 万元 as written for the rules to refuse', () => {
    const task = progressEntry({ subjectKind: 'task', subjectId: '150627-task-1', period: '2026-11', percent: 100, status: 'done', thisMonth: '已完成', departmentId: '150627-dep-1', investmentToDate: '50', completionClaim: { date: '2026-11-03', evidence: '验收报告' } }, stamp);
    expect(task).toMatchObject({ departmentId: '150627-dep-1', completionClaim: { date: '2026-11-03', evidence: '验收报告' } });
    expect(task).not.toHaveProperty('investmentToDate');
    const odd = progressEntry({ subjectKind: 'project', subjectId: '150627-prj-1', period: '2026-11', percent: 0, status: 'not-started', thisMonth: 'x', investmentToDate: '很多' }, stamp);
    expect(odd.investmentToDate).toBe('很多');
    expect(ProgressEntrySchema.safeParse(odd).success).toBe(false);
  });
});

describe('one factory for blank records', () => {
  const plan = {
    office: { code: '150627' },
    tasks: [{ number: '1', order: 0, domain: 'other' }],
    projects: [{ order: 4 }, { order: 1 }],
  } as unknown as Parameters<typeof blankTask>[0] & Parameters<typeof blankProject>[0];

  it('a new task has the typed title, the next number and nothing else yet, and is a valid task', () => {
    const task = blankTask(plan, '150627-task-9', 'industrial', ' 建立台账 ');
    expect(task).toMatchObject({ id: '150627-task-9', officeCode: '150627', domain: 'industrial', title: '建立台账', leads: [], completion: null, source: { file: 'user', section: '本机新增' } });
    expect(task.order).toBeGreaterThan(0);
    expect(TaskSchema.safeParse(task).success).toBe(true);
  });

  it('a new project is numbered after the others and not started, and is a valid project', () => {
    const project = blankProject(plan, '150627-prj-9');
    expect(project).toMatchObject({ number: '3', order: 5, name: NEW_PROJECT_NAME, constructionStatus: 'not-started', plannedInvestment: null });
    expect(ProjectSchema.safeParse(project).success).toBe(true);
  });
});
