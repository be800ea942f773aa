/**
 * Scores one imported corpus workbook against the plan it was made from: every stored field of
 * every record is a fact; a fact is wrong when it differs from the plan, and flagged only when the
 * preview has a doubt at the record's row that is about that fact: in the field's own column, or
 * with words naming the field (投资, 完成时限, 牵头单位…). A doubt at a row whose facts are all right
 * is a false alarm; so is a doubt about a whole sheet none of whose facts is wrong.
 */
import type { PlanData } from '../../../shared/views/plan-data';
import type { Deadline } from '../../../shared/domain/deadline';
import type { Task, TaskPart } from '../../../shared/domain/task';
import type { Project } from '../../../shared/domain/project';
import type { Indicator } from '../../../shared/domain/indicator';
import type { BuiltImport, PlanImportPreview, PreviewRow } from '../../../shared/xlsx/plan-import';
import type { SheetProblem } from '../../../shared/xlsx/errors';
import type { CorpusSpec } from './generate';

export interface Fact {
  file: string;
  where: string;
  field: string;
  expected: string;
  actual: string;
  flagged: boolean;
}

export interface FileScore {
  file: string;
  checked: number;
  wrong: Fact[];
  /** Records read (rows of the preview that became or were meant to become records). */
  rows: number;
  /** Every doubt the preview shows (row and sheet problems, errors included). */
  doubts: number;
  /** Doubts on rows whose facts were all right, and sheet doubts of sheets with nothing wrong. */
  falseAlarms: SheetProblem[];
}

/** Score fields → the import's column fields that hold them. */
const FIELD_COLUMNS: Record<string, string[]> = {
  domainLabel: ['domain'],
  domain: ['domain'],
  number: ['number'],
  title: ['title'],
  summary: ['summary', 'title'],
  leads: ['leads', 'units'],
  participants: ['participants', 'units'],
  leaders: ['leaders'],
  deadline: ['deadline'],
  milestones: ['deadline'],
  category: ['category'],
  name: ['name'],
  content: ['content'],
  constructionUnits: ['construction'],
  responsibleUnits: ['responsible'],
  plannedInvestment: ['investment'],
  investmentText: ['investment'],
  period: ['period'],
  area: ['area'],
  benefit: ['benefit'],
  level1: ['level1'],
  level2: ['level2'],
  marker: ['marker', 'name'],
  unit: ['unit'],
  direction: ['name', 'target'],
  baseline: ['baseline'],
  targets: ['target'],
  cumulative: ['name', 'note', 'target'],
  responsible: ['responsible'],
  note: ['note'],
};

/** Words a doubt uses when it is about the field. */
const FIELD_WORDS: Record<string, RegExp> = {
  domainLabel: /领域/,
  domain: /领域/,
  number: /序号/,
  title: /任务名称/,
  summary: /主要内容|内容/,
  leads: /牵头/,
  participants: /配合|参与/,
  leaders: /领导/,
  deadline: /完成时限|日期/,
  milestones: /时间安排|完成时限/,
  category: /类别/,
  name: /名称/,
  content: /建设内容/,
  constructionUnits: /建设单位/,
  responsibleUnits: /责任单位/,
  plannedInvestment: /投资/,
  investmentText: /投资/,
  period: /建设周期|周期/,
  area: /区域/,
  benefit: /效益/,
  level1: /一级/,
  level2: /二级/,
  marker: /属性|★/,
  unit: /计量单位/,
  direction: /越高越好|越低越好|方向/,
  baseline: /现状/,
  targets: /目标/,
  cumulative: /累计/,
  responsible: /责任单位/,
  note: /备注/,
};

type Rec = Task | Project | Indicator;

const J = (v: unknown) => JSON.stringify(v ?? null);

export function scoreImport(spec: CorpusSpec, plan: PlanData, directory: PlanData | null, preview: PlanImportPreview, built: BuiltImport): FileScore {
  const names = new Map<string, string>([...(directory?.departments ?? []), ...built.departments].map((d) => [d.id, d.name]));
  const leaderNames = new Map<string, string>([...(directory?.leaders ?? []), ...built.leaders].map((l) => [l.id, l.name]));
  const planDept = new Map(plan.departments.map((d) => [d.id, d.name]));
  const planLeader = new Map(plan.leaders.map((l) => [l.id, l.name]));
  const score: FileScore = { file: spec.name, checked: 0, wrong: [], rows: 0, doubts: 0, falseAlarms: [] };
  const wrongRows = new Set<PreviewRow>();
  const wrongSheets = new Set<string>();
  /** The column names (e.g. "C（投资（万元））") each field was read from, per sheet. */
  const columnsOf = (sheet: string, field: string): string[] => {
    const read = preview.sheets.find((s) => s.name === sheet)?.read ?? [];
    const base = field.replace(/^parts\[\d+\]\./, '');
    const fields = base === 'text' ? ['summary', 'title'] : (FIELD_COLUMNS[base] ?? []);
    return read.filter((c) => fields.includes(c.field)).map((c) => c.column);
  };
  /** A doubt at the row about this field: in its column, or naming it. A row that should not exist is flagged by any doubt at it. */
  const flags = (row: PreviewRow | undefined, field: string): boolean => {
    if (!row) return false;
    if (field === 'record') return row.problems.length > 0;
    const cols = columnsOf(row.sheet, field);
    const base = field.replace(/^parts\[\d+\]\./, '');
    const words = base === 'text' ? /内容|名称/ : FIELD_WORDS[base];
    return row.problems.some((p) => (p.column && cols.includes(p.column)) || (words?.test(p.message) ?? false));
  };
  const wrongAt = (fact: Fact, row: PreviewRow | undefined) => {
    score.wrong.push(fact);
    if (row) wrongRows.add(row);
    if (row) wrongSheets.add(row.sheet);
  };

  /** Each built record with the preview row it came from (rows that failed to build have none). */
  const rowsOf = (kind: PreviewRow['kind'], records: Rec[]): { row: PreviewRow; rec: Rec | null }[] => {
    const failed = new Set(built.failed.map((f) => `${f.sheet}:${f.row}`));
    let k = 0;
    return preview.rows
      .filter((r) => r.kind === kind && r.status === 'new')
      .map((row) => ({ row, rec: failed.has(`${row.sheet}:${row.row}`) ? null : (records[k++] ?? null) }));
  };

  const compare = <T extends Rec>(kind: PreviewRow['kind'], expected: T[], got: { row: PreviewRow; rec: Rec | null }[], key: (r: T) => string, facts: (e: T, a: T | null) => [string, string, string][]) => {
    if (!expected.length) return;
    let j = 0;
    for (const e of [...expected].sort((a, b) => a.order - b.order)) {
      // Rows the plan does not have (a header read as a task) are wrong facts of their own.
      let k = j;
      while (k < got.length && k < j + 4 && !(got[k].rec && key(got[k].rec as T) === key(e))) k++;
      if (k < got.length && k < j + 4) {
        for (let x = j; x < k; x++) {
          score.checked++;
          wrongAt({ file: spec.name, where: where(got[x].row), field: 'record', expected: '（无此记录）', actual: got[x].row.label, flagged: flags(got[x].row, 'record') }, got[x].row);
        }
        j = k;
      }
      const g = got[j];
      j++;
      for (const [field, exp, act] of facts(e, (g?.rec as T | null) ?? null)) {
        score.checked++;
        if (exp !== act) {
          const sheetDoubt = !g && preview.problems.some((p) => preview.sheets.some((s) => s.name === p.sheet && s.kind === kind));
          if (!g) for (const s of preview.sheets) if (s.kind === kind) wrongSheets.add(s.name);
          wrongAt({ file: spec.name, where: g ? where(g.row) : `${kind} ${key(e)}（未读到）`, field, expected: exp, actual: act, flagged: flags(g?.row, field) || sheetDoubt }, g?.row);
        }
      }
    }
    for (; j < got.length; j++) {
      score.checked++;
      wrongAt({ file: spec.name, where: where(got[j].row), field: 'record', expected: '（无此记录）', actual: got[j].row.label, flagged: flags(got[j].row, 'record') }, got[j].row);
    }
  };

  const units = (list: { departmentId: string; duty?: string; role?: string }[], dir: Map<string, string>) => J(list.map((u) => [dir.get(u.departmentId) ?? u.departmentId, u.role ?? '', u.duty ?? '']));
  const leaders = (ids: string[], dir: Map<string, string>) => J(ids.map((id) => dir.get(id) ?? id));
  const deadline = (d: Deadline | null, a: Deadline | null | undefined, dates: boolean): [string, string] => {
    // A date cell shows the date its own way (2025/12/31 for 2025年底): the due dates are the fact.
    const asDate = dates && d !== null;
    const view = (x: Deadline | null | undefined) => (x ? (asDate ? J([[...new Set(x.points.map((q) => q.date))], x.open]) : J([x.text, x.points, x.open, x.fromYear])) : 'null');
    return [view(d), view(a)];
  };
  const dates = spec.tasks?.dates !== undefined;

  if (spec.tasks) {
    compare('tasks', plan.tasks, rowsOf('tasks', built.tasks), (t) => t.title, (e, a) => {
      const out: [string, string, string][] = [
        ['domainLabel', e.domainLabel, a?.domainLabel ?? ''],
        ['domain', e.domain, a?.domain ?? ''],
        ['number', e.number, a?.number ?? ''],
        ['title', e.title, a?.title ?? ''],
        ['summary', e.summary, a?.summary ?? ''],
        ['leads', units(e.leads, planDept), a ? units(a.leads, names) : ''],
        ['participants', units(e.participants, planDept), a ? units(a.participants, names) : ''],
        ['leaders', leaders(e.leaderIds, planLeader), a ? leaders(a.leaderIds, leaderNames) : ''],
        ['deadline', ...deadline(e.deadline, a?.deadline, dates)],
        ['milestones', J(e.milestones), J(a?.milestones)],
      ];
      if (e.parts?.length) {
        out.push(['parts', String(e.parts.length), String(a?.parts?.length ?? 0)]);
        e.parts.forEach((ep: TaskPart, n) => {
          const ap = a?.parts?.[n];
          out.push([`parts[${n}].text`, ep.text, ap?.text ?? '']);
          out.push([`parts[${n}].leads`, units(ep.leads, planDept), ap ? units(ap.leads, names) : '']);
          out.push([`parts[${n}].participants`, units(ep.participants, planDept), ap ? units(ap.participants, names) : '']);
          out.push([`parts[${n}].leaders`, leaders(ep.leaderIds, planLeader), ap ? leaders(ap.leaderIds, leaderNames) : '']);
          out.push([`parts[${n}].deadline`, ...deadline(ep.deadline, ap?.deadline, dates)]);
        });
      }
      return out;
    });
  }
  if (spec.projects && plan.projects.length) {
    const pdates = spec.projects.dates !== undefined;
    compare('projects', plan.projects, rowsOf('projects', built.projects), (x) => x.name, (e, a) => [
      ['number', e.number, a?.number ?? ''],
      ['category', e.category ?? '', a?.category ?? ''],
      ['name', e.name, a?.name ?? ''],
      ['content', e.content, a?.content ?? ''],
      ['constructionUnits', leaders(e.constructionUnitIds, planDept), a ? leaders(a.constructionUnitIds, names) : ''],
      ['responsibleUnits', leaders(e.responsibleUnitIds, planDept), a ? leaders(a.responsibleUnitIds, names) : ''],
      ['plannedInvestment', J(e.plannedInvestment), J(a?.plannedInvestment)],
      ['investmentText', J(e.investmentText), J(a?.investmentText)],
      ['period', J(e.period), J(a?.period)],
      ['deadline', ...deadline(e.deadline, a?.deadline, pdates)],
      ['area', J(e.area), J(a?.area)],
      ['benefit', J(e.benefit), J(a?.benefit)],
    ]);
  }
  if (spec.indicators && plan.indicators.length) {
    compare('indicators', plan.indicators, rowsOf('indicators', built.indicators), (x) => x.name, (e, a) => [
      ['number', e.number, a?.number ?? ''],
      ['level1', e.level1, a?.level1 ?? ''],
      ['level2', e.level2, a?.level2 ?? ''],
      ['name', e.name, a?.name ?? ''],
      ['marker', J(e.marker), J(a?.marker)],
      ['unit', J(e.unit), J(a?.unit)],
      ['direction', e.direction, a?.direction ?? ''],
      ['baseline', J(e.baseline), J(a?.baseline)],
      ['targets', J(e.targets), J(a?.targets)],
      ['cumulative', J(e.cumulative), J(a?.cumulative)],
      ['responsible', leaders(e.responsibleDepartmentIds, planDept), a ? leaders(a.responsibleDepartmentIds, names) : ''],
      ['note', J(e.note), J(a?.note)],
    ]);
  }
  score.rows = preview.rows.length;
  score.doubts = preview.problems.length + preview.rows.reduce((n, r) => n + r.problems.length, 0);
  for (const r of preview.rows) if (!wrongRows.has(r)) score.falseAlarms.push(...r.problems);
  for (const p of preview.problems) if (!wrongSheets.has(p.sheet)) score.falseAlarms.push(p);
  return score;
}

function where(r: PreviewRow): string {
  return `「${r.sheet}」第 ${r.row}${r.lastRow > r.row ? `—${r.lastRow}` : ''} 行`;
}
