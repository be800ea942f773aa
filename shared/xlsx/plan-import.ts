/**
 * Importing a plan workbook (任务清单, 项目清单, 指标体系 as offices publish them): the preview reads
 * every sheet and writes nothing; buildPlanImport turns a confirmed preview into records. The work
 * is split by job: plan-import-rows (what a row is), -tasks and -tables (reading each table),
 * -names (matching unit names), -build and -records (making records), -types (the preview's shape).
 */
import type { Workbook, Worksheet } from './workbook';
import { XlsxError, type SheetProblem } from './errors';
import { readMeta } from './meta';
import { applyColumnChoices, unrecognisedColumns, FIELD_LABELS } from './plan-import-columns';
import { columnName, detectLayout, resolveYearColumns, type SheetLayout } from './read-sheet';
import { KIND_LABEL, type PlanImportContext, type PlanImportPreview, type PreviewRow } from './plan-import-types';
import { readTasks } from './plan-import-tasks';
import { readIndicators, readProjects } from './plan-import-tables';
import { unknownNames } from './plan-import-names';

export type { PreviewRow, UnknownName, PlanImportPreview, PlanImportContext } from './plan-import-types';
export { inferDomain, milestonesOf, amountOf } from './plan-import-rows';
export { departmentKindOf } from './plan-import-names';
export { buildPlanImport, type BuildChoices, type BuiltImport } from './plan-import-build';
export { inferDirection, planRecordsOf, planImportChange } from './plan-import-records';

/** Reads every sheet of a plan workbook into a preview; writes nothing. */
export function previewPlanImport(wb: Workbook, ctx: PlanImportContext): PlanImportPreview {
  const meta = readMeta(wb);
  const layouts: SheetLayout[] = [];
  const skipped: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'veryHidden') continue;
    const layout = detectLayout(ws);
    if (layout) layouts.push(applyColumnChoices(layout, ctx.columns?.[ws.name]));
    else skipped.push(ws.name);
  }
  if (!layouts.length) {
    throw new XlsxError(
      'missing-sheet',
      `工作簿中没有找到任务清单、项目清单或指标体系（已检查：${skipped.map((s) => `「${s}」`).join('、') || '无工作表'}）。请确认表头行（前 15 行内）含有“序号”“任务名称/重点任务”“项目名称”或“三级指标”“目标值”等列名。`,
    );
  }
  const rows: PreviewRow[] = [];
  const problems: SheetProblem[] = [];
  const sheets: PlanImportPreview['sheets'] = [];
  for (const layout of layouts) {
    const ws = wb.getWorksheet(layout.sheet) as Worksheet;
    const before = rows.length;
    if (layout.kind === 'tasks') readTasks(ws, layout, meta, ctx, rows, problems);
    else if (layout.kind === 'projects') readProjects(ws, layout, ctx, rows, problems);
    else readIndicators(ws, { ...layout, columns: resolveYearColumns(layout.columns) }, ctx, rows, problems);
    sheets.push({ name: layout.sheet, kind: layout.kind, headerRow: layout.headerRow, rows: rows.length - before, unrecognised: unrecognisedColumns(ws, layout, ctx.columns?.[ws.name]), fields: Object.entries(FIELD_LABELS[layout.kind]).map(([value, label]) => ({ value, label })), read: layout.columns.map((c) => ({ field: c.field, column: columnName(c) })) });
  }
  markExisting(rows, ctx);
  const { departments, leaders } = unknownNames(rows, meta, ctx);
  for (const r of rows) if (r.status === 'new' && r.problems.some((p) => p.level === 'error')) r.status = 'error';
  const all = [...problems, ...rows.flatMap((r) => r.problems)];
  return {
    fileName: ctx.fileName,
    sheets,
    columns: ctx.columns ?? {},
    skippedSheets: skipped,
    rows,
    problems,
    unknownDepartments: departments,
    unknownLeaders: leaders,
    meta,
    counts: {
      new: rows.filter((r) => r.status === 'new').length,
      existing: rows.filter((r) => r.status === 'existing').length,
      error: rows.filter((r) => r.status === 'error').length,
      warnings: all.filter((p) => p.level === 'warning').length,
    },
  };
}

/** Rows already in the ledger (same id, or the same number and title) are skipped. */
function markExisting(rows: PreviewRow[], ctx: PlanImportContext): void {
  const plan = ctx.existing;
  if (!plan) return;
  const ids = new Set([...plan.tasks, ...plan.projects, ...plan.indicators].map((r) => r.id));
  const keys = new Set([
    ...plan.tasks.map((t) => `tasks|${t.number}|${t.title}`),
    ...plan.projects.map((p) => `projects|${p.number}|${p.name}`),
    ...plan.indicators.map((x) => `indicators|${x.number}|${x.name}`),
  ]);
  for (const r of rows) {
    if (r.status === 'error') continue;
    const d = r.draft;
    const key = `${d.kind}|${d.number}|${d.kind === 'tasks' ? d.title : d.name}`;
    if ((d.id && ids.has(d.id)) || keys.has(key)) {
      r.status = 'existing';
      r.problems.push({ level: 'warning', sheet: r.sheet, row: r.row, column: '', message: `台账中已有此${KIND_LABEL[d.kind]}，跳过（不会覆盖台账中的内容）。` });
    }
  }
}
