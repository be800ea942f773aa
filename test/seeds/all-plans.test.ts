import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDED_PLANS } from '../../seeds';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import { deadlineKind } from '../../shared/domain/deadline';
import { parseDeadline } from '../../shared/domain/parse-deadline';
import { parseTarget } from '../../shared/domain/parse-target';
import { taskStatus } from '../../shared/domain/task-status';
import { indicatorAttainment } from '../../shared/domain/attainment';
import { TaskSchema } from '../../shared/domain/task';
import { ProjectSchema } from '../../shared/domain/project';
import { IndicatorSchema } from '../../shared/domain/indicator';
import { DepartmentSchema } from '../../shared/domain/department';
import { LeaderSchema } from '../../shared/domain/leader';
import { value } from '../support/factories';

const plans: [string, PlanRecords][] = SEEDED_PLANS.map((p) => [p.name, loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', p.file), 'utf8')))]);

describe.each(plans)('seeded plan %s', (_name, plan) => {
  it('validates against the domain schemas, every record with its source', () => {
    for (const t of plan.tasks) expect(TaskSchema.parse(t)).toEqual(t);
    for (const p of plan.projects) expect(ProjectSchema.parse(p)).toEqual(p);
    for (const i of plan.indicators) expect(IndicatorSchema.parse(i)).toEqual(i);
    for (const d of plan.departments) expect(DepartmentSchema.parse(d)).toEqual(d);
    for (const l of plan.leaders) expect(LeaderSchema.parse(l)).toEqual(l);
    for (const r of [...plan.tasks, ...plan.projects, ...plan.indicators, ...plan.leaders]) {
      expect(r.source?.file).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
      expect(r.source?.section.length).toBeGreaterThan(0);
    }
  });

  it('has a known deadline kind for every task, and the parser reads each deadline text the same way', () => {
    for (const t of plan.tasks) {
      const kind = deadlineKind(t.deadline);
      if (kind === 'unspecified') expect({ task: t.title, review: t.review?.some((r) => r.field.startsWith('deadline')) }).toEqual({ task: t.title, review: true });
      const parsed = parseDeadline(t.deadline.text);
      expect({ task: t.title, points: parsed.points.map((p) => [p.precision, p.date]), open: parsed.open, fromYear: parsed.fromYear }).toEqual({
        task: t.title,
        points: t.deadline.points.map((p) => [p.precision, p.date]),
        open: t.deadline.open,
        fromYear: t.deadline.fromYear,
      });
    }
  });

  it('derives a status for every task on every day of the plan period', () => {
    for (const day of ['2023-06-01', '2024-12-31', '2026-01-01']) {
      for (const t of plan.tasks) expect(['not-started', 'in-progress', 'done', 'overdue', 'at-risk']).toContain(taskStatus(t, [], day).status);
    }
  });

  it('reads every target the way the target parser does, and judges every indicator', () => {
    for (const ind of plan.indicators) {
      for (const { year, target } of ind.targets) {
        // A reviewer may store a target differently from its wording (and says why in a review flag).
        const reviewed = ind.review?.some((r) => r.field.startsWith('targets')) ?? false;
        const reparsed = parseTarget(target.text, ind.direction);
        if (!reviewed) expect({ indicator: ind.name, year, kind: reparsed.kind }).toEqual({ indicator: ind.name, year, kind: target.kind });
        const sample = ind.baseline?.value.kind === 'number' ? ind.baseline.value.value : 1;
        const result = indicatorAttainment(ind, year, [value(year, sample)]);
        expect(['met', 'on-track', 'behind', 'needs-judgement']).toContain(result.attainment);
        expect(result.reason.length).toBeGreaterThan(0);
        if (target.kind !== 'text') expect(result.attainment === 'needs-judgement' && target.kind === 'comparator').toBe(false);
      }
    }
  });
});
