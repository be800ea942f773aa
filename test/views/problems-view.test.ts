import type { Department } from '../../shared/domain/department';
import type { Problem } from '../../shared/domain/problem';
import { problemList, type ProblemContext } from '../../shared/views/problems';
import { overdueByDepartment, problemTimeline, searchProblemViews } from '../../shared/views/problems-view';
import { problemListDocument } from '../../shared/print/problem-list';

const dept = (id: string, name: string): Department => ({ id, officeCode: '150627', name, aliases: [], level: 'county' }) as unknown as Department;
const ctx: ProblemContext = {
  departments: [dept('150627-dept-1', '旗农牧局'), dept('150627-dept-2', '旗生态环境局')],
  tasks: [{ id: '150627-task-001', number: '3', title: '秸秆综合利用', domainLabel: '农业固体废物', leads: [], participants: [] }],
  projects: [],
};
const base: Problem = {
  id: '150627-problem-1',
  officeCode: '150627',
  subjectKind: 'task',
  subjectId: '150627-task-001',
  sourceEntryId: '150627-pe-1',
  period: '2025-11',
  text: '秸秆收储点未落实',
  raisedOn: '2025-11-10',
  raisedBy: { departmentId: '150627-dept-1' },
  kind: 'general',
  responsibleId: '150627-dept-1',
  due: '2025-12-10',
  dueChanges: [],
  followUps: [],
  closing: null,
  reopenings: [],
};
const complex: Problem = { ...base, id: '150627-problem-2', text: '填埋场扩容资金未到位', kind: 'complex', responsibleId: '150627-dept-2', raisedOn: '2025-11-30', due: '2026-02-28', sourceEntryId: undefined, period: undefined };

describe('问题清单 page helpers', () => {
  it('counts overdue problems per responsible unit on a day: none on the due date, one the day after', () => {
    expect(overdueByDepartment([base, complex], '2025-12-10').size).toBe(0);
    expect([...overdueByDepartment([base, complex], '2025-12-11')]).toEqual([['150627-dept-1', 1]]);
    const closed = { ...base, closing: { date: '2025-12-11', evidence: '现场核查', confirmedBy: '王明' } };
    expect(overdueByDepartment([closed], '2025-12-12').size).toBe(0);
  });

  it('searches by kind and by words found in the text, the subject or the units', () => {
    const views = problemList(ctx, [base, complex], '2025-12-11');
    expect(searchProblemViews(views, { kind: 'complex' }).map((v) => v.problem.id)).toEqual(['150627-problem-2']);
    expect(searchProblemViews(views, { text: '收储点 农牧' }).map((v) => v.problem.id)).toEqual(['150627-problem-1']);
    expect(searchProblemViews(views, { text: '生态环境' }).map((v) => v.problem.id)).toEqual(['150627-problem-2']);
    expect(searchProblemViews(views, { text: '没有这个词' })).toEqual([]);
  });

  it('tells a problem’s history oldest first: raised from the month’s report, follow-up, due change with reason, 销号, reopening', () => {
    const p: Problem = {
      ...base,
      due: '2026-01-10',
      followUps: [{ date: '2025-11-20', unit: { departmentId: '150627-dept-1' }, text: '已联系乡镇选址', resolved: true }],
      dueChanges: [{ on: '2025-12-01', from: '2025-12-10', to: '2026-01-10', reason: '选址需乡镇会议研究' }],
      reopenings: [{ on: '2025-12-20', reason: '复查仍未落实', closing: { date: '2025-12-15', evidence: '已选址', confirmedBy: '王明' } }],
    };
    const events = problemTimeline(ctx, p);
    expect(events.map((e) => `${e.date} ${e.label}`)).toEqual(['2025-11-10 登记', '2025-11-20 处理进展', '2025-12-01 调整期限', '2025-12-15 销号', '2025-12-20 重新打开']);
    expect(events[0].text).toBe('由2025年11月月度报送的“存在问题”登记；反映单位：旗农牧局；一般问题');
    expect(events[1].text).toContain('是否解决：是');
    expect(events[2].text).toBe('办结时限 2025-12-10 → 2026-01-10；理由：选址需乡镇会议研究');
    expect(events[3].text).toBe('依据：已选址；确认人：王明');
  });

  it('prints the list in its on-screen order, overdue first, with the days overdue and the count in the subtitle', () => {
    const views = problemList(ctx, [complex, base], '2025-12-12');
    const doc = problemListDocument({ officeName: '伊金霍洛旗', day: '2025-12-12', views, note: '筛选：未销号' });
    expect(doc.kind).toBe('problem-list');
    expect(doc.fileName).toBe('问题清单-伊金霍洛旗-2025年12月.pdf');
    const [title, table] = doc.sheets[0].blocks;
    expect(title).toMatchObject({ kind: 'title', subtitle: '（截至2025年12月12日，共2个，其中已逾期1个；筛选：未销号）' });
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r[1].text)).toEqual(['秸秆收储点未落实', '填埋场扩容资金未到位']);
    expect(table.rows[0][8]).toMatchObject({ text: '已逾期', more: ['逾期2天'] });
    expect(table.rows[1][4].text).toBe('旗生态环境局');
  });
});
