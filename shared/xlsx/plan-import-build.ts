/**
 * Building records from a preview: names become department and leader ids, ids are the workbook's
 * own where they belong to the office and are free, records are checked by the domain schemas.
 */
import type { Department } from '../domain/department';
import type { Leader } from '../domain/leader';
import type { Project } from '../domain/project';
import type { Indicator, YearTarget } from '../domain/indicator';
import { TaskSchema } from '../domain/task';
import { ProjectSchema } from '../domain/project';
import { IndicatorSchema } from '../domain/indicator';
import { parseDeadline } from '../domain/parse-deadline';
import { parseConstructionPeriod } from '../domain/parse-period';
import { parseWan } from '../domain/money';
import { idBelongsTo, newRecordId } from '../exchange/ownership';
import { XlsxError } from './errors';
import { normalizeName } from './units';
import { halfWidth } from './cell-display';
import { targetIn } from './indicator-sense';
import type { BuiltImport, PlanImportContext, PlanImportPreview } from './plan-import-types';

export type { BuiltImport };
import { amountOf } from './plan-import-rows';
import { departmentKindOf, directoryOf, nameIndex } from './plan-import-names';
import { buildTask, quantityOf } from './plan-import-records';

export interface BuildChoices {
  /** Unknown unit name → an existing department id, or 'new' to add it to the directory (the default). */
  mapping?: Record<string, string>;
  /** Import the rows without errors even though some rows have errors. */
  validOnly?: boolean;
}

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * Turns a preview into records: names become department and leader ids (new units are added to
 * the directory unless mapped), ids are the workbook's own where they belong to the office and are
 * free, otherwise new (deterministic for a new office, so importing the same file twice gives the
 * same records).
 */
export function buildPlanImport(preview: PlanImportPreview, ctx: PlanImportContext, choices: BuildChoices = {}): BuiltImport {
  const errors = preview.rows.filter((r) => r.status === 'error');
  if (errors.length && !choices.validOnly) {
    throw new XlsxError('corrupt', `有 ${errors.length} 行无法导入（${errors.slice(0, 3).map((r) => `${r.sheet} 第 ${r.row} 行`).join('、')}${errors.length > 3 ? ' 等' : ''}）；请修改文件，或选择“只导入无误的行”。`);
  }
  const code = ctx.officeCode;
  const fresh = !ctx.existing;
  const dir = directoryOf(preview.meta, ctx);
  const departments: Department[] = fresh ? [...dir.departments] : [];
  const leaders: Leader[] = fresh ? [...dir.leaders] : [];
  const index = nameIndex(dir.departments);
  const leaderIndex = new Map(dir.leaders.map((l) => [l.name, l.id]));
  const taken = new Set<string>([...(ctx.existing ? [...ctx.existing.departments, ...ctx.existing.leaders, ...ctx.existing.tasks, ...ctx.existing.projects, ...ctx.existing.indicators].map((r) => r.id) : []), ...departments.map((d) => d.id), ...leaders.map((l) => l.id)]);
  const counters: Record<string, number> = {};
  const makeId = (kind: string, wanted: string | null | undefined): string => {
    if (wanted && idBelongsTo(wanted, code) && !taken.has(wanted)) {
      taken.add(wanted);
      return wanted;
    }
    if (!fresh) return newRecordId(code, kind);
    for (;;) {
      counters[kind] = (counters[kind] ?? 0) + 1;
      const id = `${code}-${kind}-${pad(counters[kind])}`;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
  const deptId = (name: string): string => {
    const key = normalizeName(name);
    const known = index.get(key);
    if (known) return known;
    const mapped = choices.mapping?.[name];
    if (mapped && mapped !== 'new') {
      index.set(key, mapped);
      return mapped;
    }
    const d: Department = { id: makeId('dep', null), officeCode: code, name, aliases: [], kind: departmentKindOf(name), source: { file: ctx.fileName, section: '导入时新增的单位' } };
    departments.push(d);
    index.set(key, d.id);
    return d.id;
  };
  const leaderId = (name: string): string => {
    const known = leaderIndex.get(name);
    if (known) return known;
    const l: Leader = { id: makeId('ldr', null), officeCode: code, name, title: '', departmentIds: [], source: { file: ctx.fileName, section: '导入时新增的领导' } };
    leaders.push(l);
    leaderIndex.set(name, l.id);
    return l.id;
  };
  const orderBase = (list: readonly { order: number }[] | undefined) => (list?.length ? Math.max(...list.map((x) => x.order)) + 1 : 0);
  const out: BuiltImport = { departments, leaders, tasks: [], projects: [], indicators: [], failed: [] };
  const rows = preview.rows.filter((r) => r.status === 'new');
  let taskOrder = orderBase(ctx.existing?.tasks);
  let projectOrder = orderBase(ctx.existing?.projects);
  let indicatorOrder = orderBase(ctx.existing?.indicators);
  for (const row of rows) {
    const d = row.draft;
    const fail = (issues: string[]) => out.failed.push({ level: 'error', sheet: row.sheet, row: row.row, column: '', message: `${row.label} 无法保存：${issues.join('；')}` });
    if (d.kind === 'tasks') {
      const record = buildTask(d, code, taskOrder, makeId, deptId, leaderId);
      const parsed = TaskSchema.safeParse(record);
      if (parsed.success) {
        out.tasks.push(parsed.data);
        taskOrder++;
      } else fail(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
    } else if (d.kind === 'projects') {
      const m = preview.meta.projects.get(d.id ?? '');
      const inv = d.investment && !/^[—–\-/无]$/.test(d.investment) ? d.investment : '';
      const wan = inv ? amountOf(inv) : null;
      const first = inv && wan === null ? /\d+(?:\.\d+)?/.exec(halfWidth(inv).replace(/[,，]/g, '')) : null;
      const record: Project = {
        id: makeId('prj', d.id),
        officeCode: code,
        number: d.number,
        order: projectOrder,
        ...(d.category ? { category: d.category } : {}),
        name: d.name,
        content: d.content,
        constructionUnitIds: d.construction.map(deptId),
        responsibleUnitIds: d.responsible.map(deptId),
        plannedInvestment: wan ?? (first ? parseWan(first[0]) : null),
        ...(inv && wan === null ? { investmentText: inv } : {}),
        period: d.period ? parseConstructionPeriod(d.period) : null,
        deadline: d.deadline ? parseDeadline(d.deadline) : null,
        area: d.area || null,
        benefit: d.benefit || null,
        constructionStatus: m?.constructionStatus ?? 'not-started',
        ...(m?.startYear ? { startYear: m.startYear } : {}),
        source: m?.source ?? d.source,
        ...(m?.review ? { review: m.review } : {}),
      };
      const parsed = ProjectSchema.safeParse(record);
      if (parsed.success) {
        out.projects.push(parsed.data);
        projectOrder++;
      } else fail(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
    } else {
      const m = preview.meta.indicators.get(d.id ?? '');
      const direction = m?.direction ?? d.direction;
      const record: Indicator = {
        id: makeId('ind', d.id),
        officeCode: code,
        number: d.number,
        order: indicatorOrder,
        level1: d.level1,
        level2: d.level2,
        name: d.name,
        marker: d.marker,
        unit: d.unit && !/^[—–\-/]$/.test(d.unit) ? d.unit : null,
        direction,
        baseline: d.baseline.text && !/^[—–\-/]$/.test(d.baseline.text) ? { year: d.baseline.year ?? 2020, value: quantityOf(d.baseline.text) } : null,
        targets: d.targets.map((t): YearTarget => m?.targets?.find((k) => k.year === t.year && k.target.text === t.text) ?? { year: t.year, target: targetIn(t.text, direction) }).sort((a, b) => a.year - b.year),
        cumulative: m?.cumulative ?? d.cumulative,
        responsibleDepartmentIds: d.responsible.map(deptId),
        ...(d.note ? { note: d.note } : {}),
        source: m?.source ?? d.source,
        ...(m?.review ? { review: m.review } : {}),
      };
      const parsed = IndicatorSchema.safeParse(record);
      if (parsed.success) {
        out.indicators.push(parsed.data);
        indicatorOrder++;
      } else fail(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
    }
  }
  if (!fresh) {
    // Only what the import adds to an existing office's directory.
    const before = new Set([...(ctx.existing?.departments ?? []), ...(ctx.existing?.leaders ?? [])].map((r) => r.id));
    out.departments = departments.filter((d) => !before.has(d.id));
    out.leaders = leaders.filter((l) => !before.has(l.id));
  }
  return out;
}
