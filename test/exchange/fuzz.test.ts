/**
 * Bundle fuzzing in the unit suite (issue 9): a few thousand mutated bundles through the command
 * line's path (verify + merge) and a few hundred through the app's database. The 10,000-case run
 * with figures is `npm run fuzz` (scripts/fuzz-bundles.ts). FUZZ_SEED picks another run.
 */
import { makeCase, makeWorld, runPure, type Outcome, type World } from './fuzz';
import { makeDbReceiver } from './fuzz-db';

const SEED = Number(process.env.FUZZ_SEED ?? 9);
const PURE_CASES = 2000;
const DB_CASES = 250;

let world: World;
beforeAll(async () => {
  world = await makeWorld();
});

function failures(outcomes: Outcome[]): string[] {
  return outcomes.filter((o) => o.problem).map((o) => `${o.name} → ${o.result}: ${o.problem}`);
}

describe('fuzzed bundles', () => {
  it(`${PURE_CASES} cases through verify + merge (as zwc merge): each refused with a reason or merged correctly`, async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < PURE_CASES; i++) outcomes.push(await runPure(world, await makeCase(world, SEED, i)));
    expect(failures(outcomes).slice(0, 5)).toEqual([]);
    // Every kind of case ran, and both outcomes occurred.
    expect(new Set(outcomes.map((o) => o.name.split('-')[0])).size).toBeGreaterThan(12);
    expect(outcomes.some((o) => o.result === 'accepted')).toBe(true);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(2000);
  }, 120_000);

  it(`${DB_CASES} cases through the app's import on a real database, unchanged after every refusal`, async () => {
    const db = await makeDbReceiver(world);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < DB_CASES; i++) outcomes.push(await db.run(await makeCase(world, SEED + 1, i, i + 2)));
    expect(failures(outcomes).slice(0, 5)).toEqual([]);
    expect(outcomes.some((o) => o.result === 'accepted')).toBe(true);
    expect(await db.repo.db.tasks.where('officeCode').equals('150600').count()).toBe(83);
  }, 120_000);
});
