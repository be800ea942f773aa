/**
 * Scores one imported corpus workbook against the plan it was made from: every stored field of
 * every record is a fact; a fact is wrong when it differs from the plan, and flagged when the
 * preview names the record's sheet and row with a problem (a doubt the clerk sees at that row).
 */
import type { PlanData } from '../../../shared/ledger/plan-data';
import type { Deadline } from '../../../shared/domain/deadline';
import type { Task, TaskPart } from '../../../shared/domain/task';
import type { Project } from '../../../shared/domain/project';
import type { Indicator } from '../../../shared/domain/indicator';
import type { BuiltImport, PlanImportPreview, PreviewRow } from '../../../shared/xlsx/plan-import';
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
}

type Rec = Task | Project | Indicator;

const J = (v: unknown) => JSON.stringify(v ?? null);

export function scoreImport(spec: CorpusSpec, plan: PlanData, directory: PlanData | null, preview: PlanImportPreview, built: BuiltImport): FileScore {
  const names = new Map<string, string>([...(directory?.departments ?? []), ...built.departments].map((d) => [d.id, d.name]));
  const leaderNames = new Map<string, string>([...(directory?.leaders ?? []), ...built.leaders].map((l) => [l.id, l.name]));
  const planDept = new Map(plan.departments.map((d) => [d.id, d.name]));
  const planLeader = new Map(plan.leaders.map((l) => [l.id, l.name]));
  const score: FileScore = { file: spec.name, checked: 0, wrong: [] };

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
    const flaggedRow = (row: PreviewRow | undefined) => !!row && row.problems.length > 0;
    for (const e of [...expected].sort((a, b) => a.order - b.order)) {
      // Rows the plan does not have (a header read as a task) are wrong facts of their own.
      let k = j;
      while (k < got.length && k < j + 4 && !(got[k].rec && key(got[k].rec as T) === key(e))) k++;
      if (k < got.length && k < j + 4) {
        for (let x = j; x < k; x++) {
          score.checked++;
          score.wrong.push({ file: spec.name, where: where(got[x].row), field: 'record', expected: '（无此记录）', actual: got[x].row.label, flagged: flaggedRow(got[x].row) });
        }
        j = k;
      }
      const g = got[j];
      j++;
      for (const [field, exp, act] of facts(e, (g?.rec as T | null) ?? null)) {
        score.checked++;
        if (exp !== act) score.wrong.push({ file: spec.name, where: g ? where(g.row) : `${kind} ${key(e)}（未读到）`, field, expected: exp, actual: act, flagged: flaggedRow(g?.row) || (!g && preview.problems.length > 0) });
      }
    }
    for (; j < got.length; j++) {
      score.checked++;
      score.wrong.push({ file: spec.name, where: where(got[j].row), field: 'record', expected: '（无此记录）', actual: got[j].row.label, flagged: flaggedRow(got[j].row) });
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
  return score;
}

function where(r: PreviewRow): string {
  return `「${r.sheet}」第 ${r.row}${r.lastRow > r.row ? `—${r.lastRow}` : ''} 行`;
}
