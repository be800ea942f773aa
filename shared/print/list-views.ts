import type { IsoDate, Period } from '../domain/ids';
import { ATTAINMENT_LABELS, formatQuantity, formatTarget, valueForYear } from '../domain/attainment';
import { MARKER_LABELS, MARKER_SYMBOLS, type Indicator } from '../domain/indicator';
import { percentOf, sumWan } from '../domain/money';
import { CONSTRUCTION_STATUS_LABELS } from '../domain/project';
import { TASK_STATUS_LABELS } from '../domain/task-status';
import { formatDateZh, formatPeriodZh, periodOf, reportDueZh } from '../domain/time';
import { assessmentYear, indicatorStandings } from '../views/aggregations';
import { groupBy, nameLookup } from '../views/lookups';
import type { PlanData } from '../views/plan-data';
import { buildProjectRows } from '../views/project-query';
import { reportingChecklist } from '../views/reporting';
import { buildTaskRows } from '../views/task-query';
import { documentFileName, type Block, type PrintDocument, type TableCell } from './document';
import { MONTH_PROBLEM_ROWS, monthProblems, monthProblemTable, type PrintPlan } from './problem-sections';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const numeral = (i: number) => CHINESE_NUMERALS[i] ?? String(i + 1);

export interface TaskListOptions {
  day: IsoDate;
  /** Print only these tasks (the list as filtered on screen); all when absent. */
  taskIds?: readonly string[];
  /** Says what the selection is, e.g. "筛选：工业固体废物". */
  note?: string;
}

/** 任务清单 in the plan's layout, by domain, with each task's derived status and latest progress. */
export function taskListDocument(plan: PlanData, options: TaskListOptions): PrintDocument {
  const ids = options.taskIds ? new Set(options.taskIds) : null;
  const rows = buildTaskRows(plan, options.day)
    .filter((r) => !ids || ids.has(r.task.id))
    .sort((a, b) => a.task.order - b.task.order);
  const withLeaders = rows.some((r) => r.task.leaderIds.length > 0);
  const columns = [
    { label: '序号', width: 6 },
    { label: '重点任务', width: 62 },
    { label: '牵头单位', width: 22 },
    { label: '参与单位', width: 30 },
    ...(withLeaders ? [{ label: '责任领导', width: 14 }] : []),
    { label: '完成时限', width: 20 },
    { label: '进展情况', width: 26 },
  ];
  const body: TableCell[][] = [];
  [...groupBy(rows, (r) => r.task.domainLabel)].forEach(([label, list], g) => {
    body.push([{ text: `${numeral(g)}、${label}（${list.length}项）`, colSpan: columns.length, align: 'left', strong: true }]);
    for (const r of list) {
      body.push([
        { text: r.task.number },
        { text: r.task.title, strong: true, more: r.task.summary ? [r.task.summary] : [], align: 'left' },
        { text: r.leadNames || '—' },
        { text: r.participantNames || '—' },
        ...(withLeaders ? [{ text: r.leaderNames || '—' }] : []),
        { text: r.task.deadline.text || '未规定' },
        {
          text: TASK_STATUS_LABELS[r.status.status],
          strong: r.status.status === 'overdue' || r.status.status === 'at-risk',
          more: r.latest ? [`${formatPeriodZh(r.latest.period)}进度${r.latest.percent}%`] : [],
        },
      ]);
    }
  });
  const title = `${plan.office.name}“无废城市”建设任务清单`;
  return {
    kind: 'task-list',
    title,
    fileName: documentFileName('任务清单', plan.office.name, formatPeriodZh(periodOf(options.day))),
    sheets: [
      {
        label: '任务清单',
        orientation: 'landscape',
        footer: 'page-of-total',
        blocks: [
          { kind: 'title', text: title, subtitle: `（截至${formatDateZh(options.day)}，共${rows.length}项${options.note ? `；${options.note}` : ''}）` },
          { kind: 'table', columns, rows: body, dense: true, empty: '没有任务' },
        ],
      },
    ],
  };
}

/** 项目清单 with investment planned and completed to the period, and the totals. */
export function projectListDocument(plan: PlanData, options: { period: Period }): PrintDocument {
  const rows = buildProjectRows(plan, options.period).sort((a, b) => a.project.order - b.project.order);
  const dept = nameLookup(plan.departments);
  const columns = [
    { label: '序号', width: 6 },
    { label: '项目名称', width: 28 },
    { label: '建设内容', width: 62 },
    { label: '建设单位', width: 24 },
    { label: '总投资（万元）', width: 14 },
    { label: '建设周期', width: 17 },
    { label: '建设状态', width: 11 },
    { label: '累计完成投资（万元）', width: 16 },
    { label: '完成率', width: 10 },
  ];
  const body: TableCell[][] = [];
  const groups = groupBy(rows, (r) => r.project.category ?? '');
  const grouped = groups.size > 1 || !groups.has('');
  [...groups].forEach(([category, list], g) => {
    if (grouped) body.push([{ text: `${numeral(g)}、${category || '其他'}（${list.length}个）`, colSpan: columns.length, align: 'left', strong: true }]);
    for (const r of list) {
      const units = [...new Set([...r.project.constructionUnitIds, ...r.project.responsibleUnitIds])].map(dept).join('、');
      body.push([
        { text: r.project.number },
        { text: r.project.name, strong: true, align: 'left' },
        { text: r.project.content || '—', align: 'left' },
        { text: units || '—' },
        { text: r.project.investmentText ?? r.project.plannedInvestment ?? '—', align: 'right' },
        { text: r.project.period?.text ?? r.project.deadline?.text ?? '—' },
        { text: CONSTRUCTION_STATUS_LABELS[r.project.constructionStatus] },
        { text: r.completed ?? '—', align: 'right' },
        { text: r.completedPercent === null ? '—' : `${r.completedPercent}%`, align: 'right' },
      ]);
    }
  });
  const planned = sumWan(rows.map((r) => r.project.plannedInvestment));
  const completed = sumWan(rows.map((r) => r.completed));
  const percent = percentOf(completed, planned);
  const share = percent === null ? '—' : `${percent}%`;
  const title = `${plan.office.name}“无废城市”建设项目清单`;
  return {
    kind: 'project-list',
    title,
    fileName: documentFileName('项目清单', plan.office.name, formatPeriodZh(options.period)),
    sheets: [
      {
        label: '项目清单',
        orientation: 'landscape',
        footer: 'page-of-total',
        blocks: [
          { kind: 'title', text: title, subtitle: `（共${rows.length}个项目；完成投资截至${formatPeriodZh(options.period)}报送）` },
          {
            kind: 'table',
            columns,
            rows: body,
            dense: true,
            empty: '没有项目',
            footer: [
              [
                { text: `合计（${rows.length}个）`, colSpan: 4, strong: true },
                { text: planned, align: 'right', strong: true },
                { text: '', colSpan: 2 },
                { text: completed, align: 'right', strong: true },
                { text: share, align: 'right', strong: true },
              ],
            ],
          },
        ],
      },
    ],
  };
}

/** 指标体系 as the plan prints it: level cells merged, markers, baseline, yearly targets, and the year's actual value. */
export function indicatorDocument(plan: PlanData, options: { period: Period; year?: number }): PrintDocument {
  const indicators = [...plan.indicators].sort((a, b) => a.order - b.order);
  const year = options.year ?? assessmentYear(indicators, options.period);
  const years = [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();
  const baselineYears = [...new Set(indicators.flatMap((i) => (i.baseline ? [i.baseline.year] : [])))].sort();
  const standings = new Map(indicatorStandings(indicators, plan.indicatorValues, year).map((s) => [s.indicator.id, s.result]));
  const valuesOf = groupBy(plan.indicatorValues, (v) => v.indicatorId);
  const dept = nameLookup(plan.departments);
  const columns = [
    { label: '一级指标', width: 12 },
    { label: '二级指标', width: 13 },
    { label: '序号', width: 5 },
    { label: '三级指标', width: 34 },
    { label: '单位', width: 10 },
    { label: '指标属性', width: 7 },
    { label: baselineYears.length === 1 ? `现状值（${baselineYears[0]}年）` : '现状值', width: 12 },
    ...years.map((y) => ({ label: `${y}年目标值`, width: 12 })),
    { label: '责任部门', width: 22 },
    { label: `${year}年实际值`, width: 11 },
    { label: '达标情况', width: 10 },
  ];
  const span = (list: readonly Indicator[], key: (i: Indicator) => string) => {
    const spans = new Map<number, number>();
    let start = 0;
    list.forEach((ind, i) => {
      if (i > 0 && key(ind) === key(list[start])) spans.set(start, (spans.get(start) ?? 1) + 1);
      else {
        start = i;
        spans.set(i, 1);
      }
    });
    return spans;
  };
  const l1 = span(indicators, (i) => i.level1);
  const l2 = span(indicators, (i) => `${i.level1}\u0000${i.level2}`);
  const rows: TableCell[][] = indicators.map((ind, i) => {
    const actual = valueForYear(valuesOf.get(ind.id) ?? [], year);
    const result = standings.get(ind.id);
    const baseline = ind.baseline ? `${formatQuantity(ind.baseline.value)}${baselineYears.length > 1 ? `（${ind.baseline.year}年）` : ''}` : '—';
    return [
      ...(l1.has(i) ? [{ text: ind.level1, rowSpan: l1.get(i) }] : []),
      ...(l2.has(i) ? [{ text: ind.level2, rowSpan: l2.get(i) }] : []),
      { text: ind.number },
      { text: ind.name, align: 'left' as const, more: ind.note ? [`（${ind.note}）`] : [] },
      { text: ind.unit ?? '—' },
      { text: ind.marker ? MARKER_SYMBOLS[ind.marker] : '' },
      { text: baseline },
      ...years.map((y) => {
        const t = ind.targets.find((x) => x.year === y);
        return { text: t ? formatTarget(t.target) : '—' };
      }),
      { text: ind.responsibleDepartmentIds.map(dept).join('、') || '—' },
      { text: actual ? formatQuantity(actual.value) : '—' },
      { text: result ? ATTAINMENT_LABELS[result.attainment] : '—', strong: result?.attainment === 'behind' },
    ];
  });
  const title = `${plan.office.name}“无废城市”建设指标体系`;
  const markers = (['national', 'city', 'county'] as const).filter((m) => indicators.some((i) => i.marker === m));
  return {
    kind: 'indicators',
    title,
    fileName: documentFileName('指标体系', plan.office.name, `${year}年`),
    sheets: [
      {
        label: '指标体系',
        orientation: 'landscape',
        footer: 'page-of-total',
        blocks: [
          { kind: 'title', text: title, subtitle: `（共${indicators.length}项；实际值和达标情况按${year}年）` },
          { kind: 'table', columns, rows, dense: true, empty: '没有指标' },
          ...(markers.length ? [{ kind: 'paragraph' as const, small: true, text: `注：${markers.map((m) => `${MARKER_SYMBOLS[m]}为${MARKER_LABELS[m]}`).join('，')}。` }] : []),
        ],
      },
    ],
  };
}

/**
 * The month's problems under 报送情况, where the office keeps a 问题清单: how many the month's
 * reports raised, how many are open and overdue, and a short table (overdue first).
 */
function monthProblemBlocks(plan: PrintPlan, period: Period, day: IsoDate): Block[] {
  const month = monthProblems(plan, period, day);
  if (!month) return [];
  const raisedOverdue = month.raised.filter((v) => v.status === 'overdue').length;
  const raisedClosed = month.raised.filter((v) => v.status === 'closed').length;
  const more = month.listed.length - MONTH_PROBLEM_ROWS;
  return [
    { kind: 'heading', level: 1, text: '存在问题整改情况' },
    {
      kind: 'paragraph',
      text:
        `${formatPeriodZh(period)}进展中登记问题${month.raised.length}个` +
        (month.raised.length ? `（已销号${raisedClosed}个，已逾期${raisedOverdue}个）` : '') +
        `；截至${formatDateZh(day)}，全部未销号问题${month.open}个，其中已超过办结时限${month.overdue.length}个。`,
    },
    ...(month.listed.length ? [{ kind: 'table' as const, ...monthProblemTable(month.listed), dense: true }] : []),
    ...(more > 0 ? [{ kind: 'paragraph' as const, small: true, text: `注：另有${more}个问题未列出，详见问题清单。` }] : []),
  ];
}

/** The month's reporting status by department: owed, reported, missing, and what is missing; then the month's problems. */
export function reportingDocument(plan: PrintPlan, options: { period: Period; day: IsoDate }): PrintDocument {
  const rows = buildTaskRows(plan, options.day);
  const actual = reportingChecklist(plan, rows, options.period);
  const dept = nameLookup(plan.departments);
  const order = new Map(plan.departments.map((d, i) => [d.id, i]));
  const groups = [...actual.byDepartment].sort((a, b) => (order.get(a.departmentId) ?? 1e9) - (order.get(b.departmentId) ?? 1e9));
  const body: TableCell[][] = groups.map((g, i) => {
    const miss = g.items.filter((item) => !item.reported);
    return [
      { text: String(i + 1) },
      { text: g.departmentId ? dept(g.departmentId) : '无废办（集合名称牵头或未指定牵头单位的事项）', align: 'left' },
      { text: String(g.items.length) },
      { text: String(g.items.length - miss.length) },
      { text: String(miss.length), strong: miss.length > 0 },
      { text: miss.length ? '' : '已全部报送', align: 'left', more: miss.map((m) => m.label) },
    ];
  });
  const title = `${plan.office.name}“无废城市”建设${formatPeriodZh(options.period)}进展报送情况`;
  return {
    kind: 'reporting',
    title,
    fileName: documentFileName('进展报送情况', plan.office.name, formatPeriodZh(options.period)),
    sheets: [
      {
        label: '报送情况',
        orientation: 'portrait',
        footer: 'page-of-total',
        blocks: [
          { kind: 'title', text: title, subtitle: `（截至${formatDateZh(options.day)}）` },
          {
            kind: 'paragraph',
            text: `${formatPeriodZh(options.period)}进展应于${reportDueZh(options.period)}前报送。应报送任务和项目${actual.expected}项，已报送${actual.reported}项，未报送${actual.expected - actual.reported}项，报送率${actual.coverage}%。`,
          },
          {
            kind: 'table',
            columns: [
              { label: '序号', width: 10 },
              { label: '单位', width: 30 },
              { label: '应报', width: 9 },
              { label: '已报', width: 9 },
              { label: '未报', width: 9 },
              { label: '未报送事项', width: 80 },
            ],
            rows: body,
            empty: '本月没有应报送的任务和项目',
          },
          ...monthProblemBlocks(plan, options.period, options.day),
        ],
      },
    ],
  };
}
