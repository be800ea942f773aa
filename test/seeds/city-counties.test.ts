import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { officesInvolved } from '../../shared/views/counties';

const ordos = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150600-ordos.json'), 'utf8')));
const ORDOS_COUNTIES = ['150602', '150603', '150621', '150622', '150623', '150624', '150625', '150626', '150627'];

describe('which counties a city task involves (鄂尔多斯市)', () => {
  it('expands 各旗区人民政府 to all nine counties and districts', () => {
    const all = ordos.departments.find((d) => d.name === '各旗区人民政府');
    expect(all?.kind).toBe('all-subordinate-offices');
    const task = ordos.tasks.find((t) => t.participants.some((p) => p.departmentId === all?.id) || t.leads.some((l) => l.departmentId === all?.id));
    expect(task && officesInvolved(task, ordos.departments)).toEqual(ORDOS_COUNTIES);
  });

  it('names 准格尔旗 alone where the plan names it (工业 35)', () => {
    const task = ordos.tasks.find((t) => t.domain === 'industrial' && t.number === '35');
    expect(task && officesInvolved(task, ordos.departments)).toContain('150622');
  });

  it('involves 伊金霍洛旗 in a good share of the city tasks', () => {
    const involving = ordos.tasks.filter((t) => officesInvolved(t, ordos.departments).includes('150627'));
    expect(involving.length).toBeGreaterThan(0);
  });
});
