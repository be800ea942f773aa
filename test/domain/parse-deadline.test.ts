import { parseDeadline } from '../../shared/domain/parse-deadline';
import { deadlineKind, DeadlineSchema } from '../../shared/domain/deadline';

describe('parseDeadline', () => {
  it.each([
    ['持续推进', 'ongoing'],
    ['长期坚持', 'long-term'],
    ['持续开展', 'continuing'],
    ['2025年底前', 'year-end'],
    ['2025年', 'year-end'],
    ['2023年完成。', 'year-end'],
    ['2023年6月底前', 'month-end'],
    ['2023年6月30日前', 'date'],
    ['—', 'unspecified'],
    ['', 'unspecified'],
  ])('reads %s as %s', (text, kind) => {
    const d = parseDeadline(text);
    expect(DeadlineSchema.parse(d)).toEqual(d);
    expect(deadlineKind(d)).toBe(kind);
    expect(d.text).toBe(text);
  });

  it('reads dates as date cells show them and clerks type them, keeping the text', () => {
    for (const text of ['2025/12/31', '2025-12-31', '2025.12.31', '２０２５／１２／３１']) {
      expect(parseDeadline(text)).toEqual({ text, points: [{ precision: 'day', date: '2025-12-31' }], open: null });
    }
    expect(parseDeadline('2024/6').points).toEqual([{ precision: 'month', date: '2024-06-30' }]);
    expect(parseDeadline('2023-2025年').points.map((p) => p.date)).toEqual(['2025-12-31']);
    expect(parseDeadline('2025/13/40').points).toEqual([]);
  });

  it('reads month and day ends exactly', () => {
    expect(parseDeadline('2024年2月底前').points[0].date).toBe('2024-02-29');
    expect(parseDeadline('2023年2月底前').points[0].date).toBe('2023-02-28');
    expect(parseDeadline('2023年6月30日前').points[0]).toEqual({ precision: 'day', date: '2023-06-30' });
  });

  it('splits a compound deadline into stages and an open remainder (昆都仑区 style)', () => {
    const text =
      '2023年底前加强秸秆资源台账建设和管理，配合市级部门完善秸秆资源数据平台；2025年底前完成统筹编制地区性秸秆综合利用规划；其余工作持续推进。';
    const d = parseDeadline(text);
    expect(deadlineKind(d)).toBe('compound');
    expect(d.open).toBe('ongoing');
    expect(d.points.map((p) => p.date)).toEqual(['2023-12-31', '2025-12-31']);
    expect(d.points[0].scope).toBe('加强秸秆资源台账建设和管理，配合市级部门完善秸秆资源数据平台');
    expect(d.points[1].scope).toBe('完成统筹编制地区性秸秆综合利用规划');
    expect(d.text).toBe(text);
  });

  it('reads year lists and comma-separated years (呼和浩特市 时间安排 style)', () => {
    const d = parseDeadline('2023年确定适合发展“光伏+”的场地，争取自治区清洁能源发展配额，2024年、2025年开展“光伏+”项目建设。');
    expect(d.points.map((p) => [p.date, p.scope])).toEqual([
      ['2023-12-31', '确定适合发展“光伏+”的场地，争取自治区清洁能源发展配额'],
      ['2024-12-31', '开展“光伏+”项目建设'],
      ['2025-12-31', '开展“光伏+”项目建设'],
    ]);
    expect(d.open).toBeNull();
  });

  it('reads a year range as a dated end with a start year', () => {
    const d = parseDeadline('2023年—2025年持续推进。');
    expect(d).toEqual({ text: '2023年—2025年持续推进。', points: [{ precision: 'year', date: '2025-12-31' }], open: null, fromYear: 2023 });
  });

  it('keeps points in date order even when the text does not', () => {
    const d = parseDeadline('2025年底前完成B；2023年底前完成A');
    expect(d.points.map((p) => p.date)).toEqual(['2023-12-31', '2025-12-31']);
    expect(DeadlineSchema.safeParse(d).success).toBe(true);
  });
});

describe('parseDeadline, remainder clauses and repeated days', () => {
  it('reads "，其余工作持续推进" after a dated part as the open remainder', () => {
    const d = parseDeadline('2025年底完成“无废细胞”建设，其余工作持续推进。');
    expect(d.open).toBe('ongoing');
    expect(d.points).toEqual([{ precision: 'year', date: '2025-12-31', scope: '完成“无废细胞”建设' }]);
  });

  it('merges two parts due the same day into one stage', () => {
    const d = parseDeadline('2025年底；2025年底前开展“无废工地”建设');
    expect(d.points).toEqual([{ precision: 'year', date: '2025-12-31', scope: '开展“无废工地”建设' }]);
  });
});
