import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { EMPTY_VIEW, type PageView } from '../../renderer/src/app/page-view-state';
import { taskFilterOf } from '../../renderer/src/pages/task-list-view';

const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const view = (filters: PageView['filters']): PageView => ({ ...EMPTY_VIEW, filters });

describe('任务清单 filters read back from a saved view', () => {
  it('keeps a unit, a leader and domains that are in the directory', () => {
    const department = plan.departments[0];
    const leader = plan.leaders[0];
    const filter = taskFilterOf(view({ departmentId: department.id, leaderId: leader.id, domains: ['industrial'] }), plan);
    expect(filter).toMatchObject({ departmentId: department.id, leaderId: leader.id, domains: ['industrial'] });
  });

  it('drops a unit or leader no longer in the directory (merged or deleted) instead of filtering by a bare id', () => {
    const merged = plan.departments[0];
    const directory = { departments: plan.departments.slice(1), leaders: plan.leaders.slice(1) };
    const filter = taskFilterOf(view({ departmentId: merged.id, leaderId: plan.leaders[0].id }), directory);
    expect(filter.departmentId).toBeUndefined();
    expect(filter.leaderId).toBeUndefined();
  });

  it('drops a domain that is not one of the plan domains', () => {
    expect(taskFilterOf(view({ domains: ['industrial', 'no-such-domain'] }), plan).domains).toEqual(['industrial']);
  });
});
