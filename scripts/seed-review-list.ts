/** Regenerates the 待核实 list in seeds/README.md from the seed files. */
import { readFileSync, writeFileSync } from 'node:fs';
import { SEEDED_PLANS } from '../seeds';
import { SeedPlanSchema } from '../shared/seed/seed-schema';
import { renderReviewList, withReviewList } from '../shared/seed/review-list';

const plans = SEEDED_PLANS.map((p) => ({ file: p.file, seed: SeedPlanSchema.parse(JSON.parse(readFileSync(`seeds/${p.file}`, 'utf8'))) }));
const path = 'seeds/README.md';
writeFileSync(path, withReviewList(readFileSync(path, 'utf8'), renderReviewList(plans)));
console.log(`${path}: review list regenerated for ${plans.length} plans`);
