import fc from 'fast-check';
import {
  ProblemSchema,
  addMonthsToDay,
  checkProblem,
  isNoProblemText,
  problemAgeDays,
  problemDaysOverdue,
  problemDueFor,
  problemStatus,
  type Problem,
} from '../../shared/domain/problem';
import { isRealDate } from '../../shared/domain/ids';
import { daysFromTo } from '../../shared/domain/time';
import { TEXT_LIMITS } from '../../shared/domain/text-limits';

const base: Problem = {
  id: '150627-problem-1',
  officeCode: '150627',
  subjectKind: 'task',
  subjectId: '150627-task-001',
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
const followUp = { date: '2025-11-20', unit: { departmentId: '150627-dept-1' }, text: '已联系乡镇选址', resolved: false };

describe('problem due dates (RULES.md, Problems: due dates and 销号)', () => {
  it.each([
    ['general', '2025-11-10', '2025-12-10'],
    ['general', '2025-01-31', '2025-02-28'],
    ['general', '2024-01-31', '2024-02-29'],
    ['general', '2025-12-31', '2026-01-31'],
    ['general', '2025-03-31', '2025-04-30'],
    ['complex', '2025-11-30', '2026-02-28'],
    ['complex', '2025-11-10', '2026-02-10'],
    ['complex', '2023-11-30', '2024-02-29'],
  ] as const)('%s raised %s is due %s', (kind, raised, due) => {
    expect(problemDueFor(kind, raised)).toBe(due);
  });

  it('gives a 特殊 problem no due date: the clerk sets it', () => {
    expect(problemDueFor('special', '2025-11-10')).toBeNull();
  });

  it('adds months across years, backwards too', () => {
    expect(addMonthsToDay('2025-11-15', 14)).toBe('2027-01-15');
    expect(addMonthsToDay('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('(property) + n months is a real day, in the right month, never a later day number, and the same day when it exists', () => {
    const day = fc
      .record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
      .filter(isRealDate);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 36 }), (from, n) => {
        const to = addMonthsToDay(from, n);
        const [fy, fm, fd] = from.split('-').map(Number);
        const [ty, tm, td] = to.split('-').map(Number);
        expect(isRealDate(to)).toBe(true);
        expect(ty * 12 + tm - (fy * 12 + fm)).toBe(n);
        expect(td).toBeLessThanOrEqual(fd);
        if (isRealDate(`${to.slice(0, 8)}${String(fd).padStart(2, '0')}`)) expect(td).toBe(fd);
        else expect(isRealDate(`${to.slice(0, 8)}${String(td + 1).padStart(2, '0')}`)).toBe(false);
        expect(daysFromTo(from, to)).toBeGreaterThanOrEqual(n === 0 ? 0 : 28 * n - 3);
      }),
    );
  });
});

describe('problem status on a day', () => {
  it('is 待处理 until due, overdue from the day after due (not on it)', () => {
    expect(problemStatus(base, '2025-11-10')).toBe('open');
    expect(problemStatus(base, '2025-12-10')).toBe('open');
    expect(problemStatus(base, '2025-12-11')).toBe('overdue');
    expect(problemDaysOverdue(base, '2025-12-10')).toBe(0);
    expect(problemDaysOverdue(base, '2025-12-11')).toBe(1);
    expect(problemDaysOverdue(base, '2026-01-10')).toBe(31);
  });

  it('is 处理中 once a follow-up is dated on or before the day, and still overdue after due', () => {
    const p = { ...base, followUps: [followUp] };
    expect(problemStatus(p, '2025-11-19')).toBe('open');
    expect(problemStatus(p, '2025-11-20')).toBe('in-progress');
    expect(problemStatus(p, '2025-12-10')).toBe('in-progress');
    expect(problemStatus(p, '2025-12-11')).toBe('overdue');
  });

  it('a unit saying 已解决 does not close it; a 销号 does, from its day, overdue or not', () => {
    const said = { ...base, followUps: [{ ...followUp, resolved: true }] };
    expect(problemStatus(said, '2025-12-20')).toBe('overdue');
    const closed = { ...said, closing: { date: '2025-12-11', evidence: '现场核查照片', confirmedBy: '张三' } };
    expect(problemStatus(closed, '2025-12-10')).toBe('in-progress');
    expect(problemStatus(closed, '2025-12-11')).toBe('closed');
    expect(problemStatus(closed, '2026-05-01')).toBe('closed');
    expect(problemDaysOverdue(closed, '2026-05-01')).toBe(0);
  });

  it('counts age from raising to the day, or to the 销号', () => {
    expect(problemAgeDays(base, '2025-11-10')).toBe(0);
    expect(problemAgeDays(base, '2025-12-11')).toBe(31);
    const closed = { ...base, closing: { date: '2025-11-25', evidence: '整改完成', confirmedBy: '张三' } };
    expect(problemAgeDays(closed, '2026-01-01')).toBe(15);
  });

  it('a 特殊 problem is judged against the day the clerk set', () => {
    const p = { ...base, kind: 'special' as const, due: '2026-06-30' };
    expect(checkProblem(p)).toEqual([]);
    expect(problemStatus(p, '2026-06-30')).toBe('open');
    expect(problemStatus(p, '2026-07-01')).toBe('overdue');
  });
});

describe('problem rules between fields', () => {
  it('accepts the rule’s due date and refuses another without a change with a reason', () => {
    expect(checkProblem(base)).toEqual([]);
    expect(checkProblem({ ...base, due: '2025-12-31' })).toEqual([expect.stringContaining('一般问题的办结时限应为 2025-12-10')]);
    const moved = { ...base, due: '2025-12-31', dueChanges: [{ on: '2025-12-01', from: '2025-12-10', to: '2025-12-31', reason: '需乡镇配合' }] };
    expect(checkProblem(moved)).toEqual([]);
    expect(checkProblem({ ...moved, due: '2026-01-05' })).toEqual([expect.stringContaining('与最后一次调整（2025-12-31）不一致')]);
  });

  it('refuses days before raising and a 销号 after today', () => {
    expect(checkProblem({ ...base, followUps: [{ ...followUp, date: '2025-11-01' }] })).toEqual([expect.stringContaining('处理进展的日期')]);
    expect(checkProblem({ ...base, closing: { date: '2025-11-01', evidence: 'x', confirmedBy: 'y' } })).toEqual([expect.stringContaining('销号日期（2025-11-01）不能早于')]);
    expect(checkProblem({ ...base, closing: { date: '2025-12-01', evidence: 'x', confirmedBy: 'y' } }, '2025-11-30')).toEqual([expect.stringContaining('不能晚于今天')]);
  });

  it('the schema refuses an empty 销号 evidence and a unit with neither id nor name', () => {
    expect(ProblemSchema.safeParse({ ...base, closing: { date: '2025-12-01', evidence: '  ', confirmedBy: '张三' } }).success).toBe(false);
    expect(ProblemSchema.safeParse({ ...base, raisedBy: {} }).success).toBe(false);
    expect(ProblemSchema.safeParse({ ...base, kind: 'urgent' }).success).toBe(false);
    expect(ProblemSchema.safeParse(base).success).toBe(true);
  });

  it('bounds its texts as every record does (TEXT_LIMITS)', () => {
    expect(ProblemSchema.safeParse({ ...base, text: '问'.repeat(TEXT_LIMITS.long) }).success).toBe(true);
    expect(ProblemSchema.safeParse({ ...base, text: '问'.repeat(TEXT_LIMITS.long + 1) }).success).toBe(false);
  });

  it.each(['无', '暂无。', ' 没有 ', '无问题', '暂无问题', '—', '/', ''])('“%s” is no problem', (t) => expect(isNoProblemText(t)).toBe(true));
  it.each(['无害化处理设施不足', '资金未到位', '无法按期完成'])('“%s” is a problem', (t) => expect(isNoProblemText(t)).toBe(false));
});
