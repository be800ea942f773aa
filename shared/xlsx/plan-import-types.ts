/** The plan import's preview: each row read from a sheet, the record it will become and its doubts. */
import type { ParticipantRole, Task, TaskDomain } from '../domain/task';
import type { Indicator, IndicatorDirection, IndicatorMarker } from '../domain/indicator';
import type { SourceRef } from '../domain/source';
import type { Department } from '../domain/department';
import type { Leader } from '../domain/leader';
import type { Project } from '../domain/project';
import type { PlanData } from '../views/plan-data';
import type { SheetProblem } from './errors';
import type { WorkbookMeta } from './meta';
import type { UnitRef } from './units';
import type { ColumnChoices, UnrecognisedColumn } from './plan-import-columns';
import type { TableKind } from './read-sheet';

export const KIND_LABEL: Record<TableKind, string> = { tasks: '任务', projects: '项目', indicators: '指标' };

/** One row of the preview: what it becomes and what is wrong with it. */
export interface PreviewRow {
  kind: TableKind;
  sheet: string;
  /** First and last sheet rows the record was read from. */
  row: number;
  lastRow: number;
  label: string;
  /** new: will be added · existing: already in the ledger, skipped · error: cannot be imported. */
  status: 'new' | 'existing' | 'error';
  problems: SheetProblem[];
  /** The record as it will be stored (unit ids resolved at build time). */
  draft: Draft;
}

export type Draft = TaskDraft | ProjectDraft | IndicatorDraft;

export interface Piece {
  text: string;
  leads: UnitRef[];
  participants: UnitRef[];
  /** The role word a one-cell unit list used (配合单位：…), over the column's. */
  role?: ParticipantRole;
  leaders: string[];
  deadline: string;
}

export interface TaskDraft {
  kind: 'tasks';
  id: string | null;
  domain: TaskDomain;
  domainLabel: string;
  number: string;
  title: string;
  role: ParticipantRole;
  milestonesFromTime: boolean;
  pieces: Piece[];
  source: SourceRef;
  meta?: WorkbookMeta['tasks'] extends Map<string, infer T> ? T : never;
}

export interface ProjectDraft {
  kind: 'projects';
  id: string | null;
  number: string;
  category?: string;
  name: string;
  content: string;
  construction: string[];
  responsible: string[];
  investment: string;
  period: string;
  deadline: string;
  area: string;
  benefit: string;
  source: SourceRef;
}

export interface IndicatorDraft {
  kind: 'indicators';
  id: string | null;
  number: string;
  level1: string;
  level2: string;
  name: string;
  marker: IndicatorMarker | null;
  unit: string;
  baseline: { text: string; year: number | null };
  targets: { year: number; text: string }[];
  direction: IndicatorDirection;
  cumulative: boolean;
  responsible: string[];
  note: string;
  source: SourceRef;
}

export interface UnknownName {
  name: string;
  /** Where it appears, e.g. "任务清单 第 12 行". */
  where: string[];
  /** The directory unit of the same name written another way (市/旗 prefix, brackets), suggested as the mapping. */
  suggestion: string | null;
  /** Directory units whose names contain this one or are contained in it: maybe the same, the clerk decides. */
  similar: string[];
}

export interface PlanImportPreview {
  fileName: string;
  /** Each table read; `unrecognised` are header columns the clerk may give a meaning (see plan-import-columns.ts). */
  sheets: { name: string; kind: TableKind; headerRow: number; rows: number; unrecognised: UnrecognisedColumn[]; fields: { value: string; label: string }[]; read: { field: string; column: string }[] }[];
  /** The column choices this preview was read with, to extend when the clerk picks another. */
  columns: ColumnChoices;
  /** Sheets that are none of the three tables. */
  skippedSheets: string[];
  rows: PreviewRow[];
  /** Problems of whole sheets (section counts, unrecognised columns). */
  problems: SheetProblem[];
  unknownDepartments: UnknownName[];
  unknownLeaders: UnknownName[];
  meta: WorkbookMeta;
  counts: { new: number; existing: number; error: number; warnings: number };
}

export interface PlanImportContext {
  fileName: string;
  /** The office the plan is imported for. */
  officeCode: string;
  /** What the office already has; null for a new office. */
  existing: PlanData | null;
  /** The clerk's choice of what columns hold, where a header was not recognised. */
  columns?: ColumnChoices;
}

/** The records a preview became (buildPlanImport), and the rows that could not be built. */
export interface BuiltImport {
  departments: Department[];
  leaders: Leader[];
  tasks: Task[];
  projects: Project[];
  indicators: Indicator[];
  /** Rows that could not be built (schema errors after resolving), with why. */
  failed: SheetProblem[];
}
