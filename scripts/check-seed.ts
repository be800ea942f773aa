/**
 * Developer check for a seed file: schema, name references, counts. Usage:
 *   npx tsx scripts/check-seed.ts seeds/150627-yijinhuoluo.json
 */
import { readFileSync } from 'node:fs';
import { loadSeedPlan, SeedError } from '../shared/seed/load-seed';

for (const file of process.argv.slice(2)) {
  try {
    const plan = loadSeedPlan(JSON.parse(readFileSync(file, 'utf8')));
    const byDomain = new Map<string, number>();
    for (const t of plan.tasks) byDomain.set(t.domainLabel, (byDomain.get(t.domainLabel) ?? 0) + 1);
    const flagged = [...plan.tasks, ...plan.projects, ...plan.indicators].filter((r) => r.review?.length).length;
    console.log(
      `${file}: OK — ${plan.departments.length} departments, ${plan.leaders.length} leaders, ` +
        `${plan.tasks.length} tasks (${[...byDomain].map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
        `${plan.projects.length} projects, ${plan.indicators.length} indicators, ${flagged} records flagged for review`,
    );
  } catch (e) {
    console.error(`${file}: FAILED`);
    console.error(e instanceof SeedError ? e.message : e);
    process.exitCode = 1;
  }
}
