import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDED_PLANS } from '../../seeds';
import { SeedPlanSchema } from '../../shared/seed/seed-schema';
import { renderReviewList } from '../../shared/seed/review-list';

describe('seeds/README.md', () => {
  it('lists every field flagged for review in the shipped plans, exactly as the files flag them', () => {
    const plans = SEEDED_PLANS.map((p) => ({ file: p.file, seed: SeedPlanSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../seeds', p.file), 'utf8'))) }));
    const readme = readFileSync(join(__dirname, '../../seeds/README.md'), 'utf8');
    expect(readme).toContain(renderReviewList(plans));
  });
});
