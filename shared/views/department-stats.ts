import type { Department } from '../domain/department';
import type { Leader } from '../domain/leader';
import type { Project } from '../domain/project';
import type { Task } from '../domain/task';
import type { TaskRow } from './task-query';

/** One department's share of the plan: the tasks it leads or helps with, the late ones, its projects. */
export interface DepartmentStats {
  department: Department;
  lead: TaskRow[];
  participant: TaskRow[];
  /** Overdue tasks among `lead`, then among `participant` (a task listed in both counts twice). */
  overdue: TaskRow[];
  /** Projects it builds or is responsible for. */
  projects: Project[];
}

/** The projects a department builds (建设单位) or is responsible for (责任单位). */
export function projectsOfDepartment(projects: readonly Project[], departmentId: string): Project[] {
  return projects.filter((p) => p.constructionUnitIds.includes(departmentId) || p.responsibleUnitIds.includes(departmentId));
}

/** Per-department statistics, one entry per department in the order given. */
export function departmentStats(plan: { departments: readonly Department[]; projects: readonly Project[] }, rows: readonly TaskRow[]): DepartmentStats[] {
  return plan.departments.map((department) => {
    const lead = rows.filter((r) => r.task.leads.some((l) => l.departmentId === department.id));
    const participant = rows.filter((r) => r.task.participants.some((p) => p.departmentId === department.id));
    return {
      department,
      lead,
      participant,
      overdue: [...lead, ...participant].filter((r) => r.status.status === 'overdue'),
      projects: projectsOfDepartment(plan.projects, department.id),
    };
  });
}

/** How many tasks name the leader as responsible (责任领导). */
export function leaderTaskCount(tasks: readonly Pick<Task, 'leaderIds'>[], leader: Pick<Leader, 'id'>): number {
  return tasks.filter((t) => t.leaderIds.includes(leader.id)).length;
}
