import type { ZodType, ZodTypeDef } from 'zod';
import { DepartmentSchema, type Department } from '../domain/department';
import { LeaderSchema, type Leader } from '../domain/leader';
import { TaskSchema, type Task } from '../domain/task';
import { ProjectSchema, type Project } from '../domain/project';
import { IndicatorSchema, type Indicator } from '../domain/indicator';
import { ProblemSchema, type Problem } from '../domain/problem';

/** The editable record kinds of a plan, by table name. */
export interface PlanRecordTypes {
  departments: Department;
  leaders: Leader;
  tasks: Task;
  projects: Project;
  indicators: Indicator;
  /** 问题清单 (shared/app/problems.ts): edited field by field like a plan record. */
  problems: Problem;
}
export type PlanTableName = keyof PlanRecordTypes;

export const PLAN_SCHEMAS: { [K in PlanTableName]: ZodType<PlanRecordTypes[K], ZodTypeDef, unknown> } = {
  departments: DepartmentSchema,
  leaders: LeaderSchema,
  tasks: TaskSchema,
  projects: ProjectSchema,
  indicators: IndicatorSchema,
  problems: ProblemSchema,
};

/** One partial edit of one record. */
export type PlanEdit = { [K in PlanTableName]: { table: K; id: string; patch: Partial<PlanRecordTypes[K]> } }[PlanTableName];
