import { z } from 'zod';
import { OfficeSchema } from '../domain/office';
import { DepartmentSchema } from '../domain/department';
import { LeaderSchema } from '../domain/leader';
import { TaskDomainSchema, CompletionSchema } from '../domain/task';
import { ConstructionStatusSchema } from '../domain/project';
import { IndicatorDirectionSchema, YearTargetSchema } from '../domain/indicator';
import { SourceRefSchema, ReviewFlagSchema } from '../domain/source';
import { YearSchema } from '../domain/ids';
import { cellText, setText, type Workbook } from './workbook';

/**
 * What an exported table knows beyond its printed cells, kept in a very hidden sheet so the same
 * workbook imports back into the same records: each row's id and source, a task's domain, an
 * indicator's direction, the unit directory. It only adds to the printed cells, never overrides
 * them: an edited cell is read as edited. A published file without this sheet imports the same
 * way, with these facts inferred.
 */
export const META_SHEET = 'zwc_meta';
export const META_FORMAT = 'zwc-xlsx/1';

const Base = { id: z.string().min(1).max(200), source: SourceRefSchema.optional(), review: z.array(ReviewFlagSchema).optional() };
export const TaskMetaSchema = z.object({ ...Base, domain: TaskDomainSchema, completion: CompletionSchema.nullable().optional() }).strict();
export const ProjectMetaSchema = z.object({ ...Base, constructionStatus: ConstructionStatusSchema, startYear: YearSchema.optional() }).strict();
export const IndicatorMetaSchema = z.object({ ...Base, direction: IndicatorDirectionSchema, cumulative: z.boolean(), targets: z.array(YearTargetSchema).optional() }).strict();

export type TaskMeta = z.infer<typeof TaskMetaSchema>;
export type ProjectMeta = z.infer<typeof ProjectMetaSchema>;
export type IndicatorMeta = z.infer<typeof IndicatorMetaSchema>;

export interface WorkbookMeta {
  office: z.infer<typeof OfficeSchema> | null;
  departments: z.infer<typeof DepartmentSchema>[];
  leaders: z.infer<typeof LeaderSchema>[];
  tasks: Map<string, TaskMeta>;
  projects: Map<string, ProjectMeta>;
  indicators: Map<string, IndicatorMeta>;
}

type Entry =
  | { kind: 'office'; value: unknown }
  | { kind: 'department' | 'leader' | 'task' | 'project' | 'indicator'; value: unknown };

export function writeMeta(wb: Workbook, entries: Entry[]): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  setText(ws.getCell('A1'), META_FORMAT);
  setText(ws.getCell('B1'), '本工作表由台账程序使用，请勿修改');
  entries.forEach((e, i) => {
    setText(ws.getCell(i + 2, 1), e.kind);
    setText(ws.getCell(i + 2, 2), JSON.stringify(e.value));
  });
}

/** Reads the hidden sheet; entries that do not validate are ignored (the printed cells still import). */
export function readMeta(wb: Workbook): WorkbookMeta {
  const meta: WorkbookMeta = { office: null, departments: [], leaders: [], tasks: new Map(), projects: new Map(), indicators: new Map() };
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws || cellText(ws.getCell('A1')) !== META_FORMAT) return meta;
  for (let r = 2; r <= Math.min(ws.rowCount, 200_000); r++) {
    const kind = cellText(ws.getCell(r, 1));
    let value: unknown;
    try {
      value = JSON.parse(cellText(ws.getCell(r, 2)));
    } catch {
      continue;
    }
    const parse = <T>(schema: z.ZodType<T>) => {
      const p = schema.safeParse(value);
      return p.success ? p.data : null;
    };
    if (kind === 'office') meta.office = parse(OfficeSchema) ?? meta.office;
    else if (kind === 'department') {
      const d = parse(DepartmentSchema);
      if (d) meta.departments.push(d);
    } else if (kind === 'leader') {
      const l = parse(LeaderSchema);
      if (l) meta.leaders.push(l);
    } else if (kind === 'task') {
      const t = parse(TaskMetaSchema);
      if (t) meta.tasks.set(t.id, t);
    } else if (kind === 'project') {
      const p = parse(ProjectMetaSchema);
      if (p) meta.projects.set(p.id, p);
    } else if (kind === 'indicator') {
      const x = parse(IndicatorMetaSchema);
      if (x) meta.indicators.set(x.id, x);
    }
  }
  return meta;
}
