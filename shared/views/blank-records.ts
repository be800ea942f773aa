import type { Project } from '../domain/project';
import { TASK_DOMAIN_LABELS, type Task, type TaskDomain } from '../domain/task';
import { nextTaskNumbering } from './task-numbering';
import type { PlanData } from './plan-data';

/** Where a record made on this laptop comes from (not a published plan). */
const MADE_HERE = { file: 'user', section: '本机新增' } as const;

/**
 * A new task as 新增任务 creates it: the title the clerk typed, numbered after the last task of the
 * plan, everything else empty until filled in its drawer.
 */
export function blankTask(plan: Pick<PlanData, 'office' | 'tasks'>, id: string, domain: TaskDomain, title: string): Task {
  const { number, order } = nextTaskNumbering(plan.tasks);
  return {
    id,
    officeCode: plan.office.code,
    domain,
    domainLabel: TASK_DOMAIN_LABELS[domain],
    number,
    order,
    title: title.trim(),
    summary: '',
    leads: [],
    participants: [],
    leaderIds: [],
    deadline: { text: '', points: [], open: null },
    milestones: [],
    completion: null,
    source: { ...MADE_HERE },
  };
}

/** The name a new project has until the clerk gives it one. */
export const NEW_PROJECT_NAME = '新项目（请填写名称）';

/** A new project as 新增项目 creates it: numbered after the others, not started, everything else empty. */
export function blankProject(plan: Pick<PlanData, 'office' | 'projects'>, id: string): Project {
  return {
    id,
    officeCode: plan.office.code,
    number: String(plan.projects.length + 1),
    order: plan.projects.reduce((m, p) => Math.max(m, p.order), -1) + 1,
    name: NEW_PROJECT_NAME,
    content: '',
    constructionUnitIds: [],
    responsibleUnitIds: [],
    plannedInvestment: null,
    period: null,
    deadline: null,
    area: null,
    benefit: null,
    constructionStatus: 'not-started',
    source: { ...MADE_HERE },
  };
}
