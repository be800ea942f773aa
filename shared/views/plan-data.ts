import type { Department } from '../domain/department';
import type { Leader } from '../domain/leader';
import type { Task } from '../domain/task';
import type { Project } from '../domain/project';
import type { Indicator } from '../domain/indicator';
import type { Office } from '../domain/office';
import type { IndicatorValue, ProgressEntry } from '../domain/progress';

/** A plan as published: everything an office keeps except what is reported over time (progress, indicator values). */
export type PlanRecords = Omit<PlanData, 'progress' | 'indicatorValues'>;

/** Everything one office keeps, as plain records: what the pages, reports and exports read. */
export interface PlanData {
  office: Office;
  departments: Department[];
  leaders: Leader[];
  tasks: Task[];
  projects: Project[];
  indicators: Indicator[];
  progress: ProgressEntry[];
  indicatorValues: IndicatorValue[];
}
