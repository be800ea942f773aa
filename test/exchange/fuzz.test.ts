/**
 * Bundle fuzzing in the unit suite (issue 9): a few thousand mutated bundles through the command
 * line's path (verify + merge) a few hundred through the app's database, and a hundred returned forms and files (fuzz-files.ts), each within its time and heap bound. The 10,000-case run
 * with figures is `npm run fuzz` (scripts/fuzz-bundles.ts). FUZZ_SEED picks another run.
 */
import { CASE_BOUNDS, makeCase, makeWorld, runPure, type Outcome, type World } from './fuzz';
import { makeDbReceiver } from './fuzz-db';
import { makeFileCase, makeFileWorld, runFile } from './fuzz-files';

const SEED = Number(process.env.FUZZ_SEED ?? 9);
const PURE_CASES = 1200;
const DB_CASES = 250;
const FILE_CASES = 120;
/** Issue 24's classes: each must occur in the run (by case-name prefix). */
const BUNDLE_CLASSES = ['conflict-values', 'seen-growth', 'hlc-', 'two-office-key', 'text-control'];
const FILE_CLASSES = ['form-', 'form-header', 'zip-', 'row-bomb', 'fifo', 'form-control-text'];

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
    // Every case within its time and heap bound (a broken bound is also reported as the case's problem).
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(CASE_BOUNDS.ms);
    expect(Math.max(...outcomes.map((o) => o.heapMb))).toBeLessThan(CASE_BOUNDS.heapMb);
    for (const c of BUNDLE_CLASSES) expect([c, outcomes.filter((o) => o.name.startsWith(c)).length > 0]).toEqual([c, true]);
    // Past the caps, conflict values and _seen members are refused as over the limit.
    expect(outcomes.filter((o) => /^(conflict-values|seen-growth)-over/.test(o.name)).every((o) => o.result === 'over-limit')).toBe(true);
  }, 120_000);

  it(`${DB_CASES} cases through the app's import on a real database, unchanged after every refusal`, async () => {
    const db = await makeDbReceiver(world);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < DB_CASES; i++) outcomes.push(await db.run(await makeCase(world, SEED + 1, i, i + 2)));
    expect(failures(outcomes).slice(0, 5)).toEqual([]);
    expect(outcomes.some((o) => o.result === 'accepted')).toBe(true);
    expect((await db.repo.storage.listBy('tasks', 'officeCode', '150600')).length).toBe(83);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(CASE_BOUNDS.ms);
  }, 120_000);

  it(`${FILE_CASES} returned forms and files (tampered seals, zip differentials, row bombs, FIFOs, control characters): refused or read safely`, async () => {
    const files = await makeFileWorld();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < FILE_CASES; i++) outcomes.push(await runFile(files, await makeFileCase(files, SEED, i)));
    expect(failures(outcomes).slice(0, 5)).toEqual([]);
    for (const c of FILE_CLASSES) expect([c, outcomes.filter((o) => o.name.startsWith(c)).length > 0]).toEqual([c, true]);
    expect(outcomes.filter((o) => o.name.startsWith('row-bomb')).every((o) => o.result === 'too-large')).toBe(true);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(CASE_BOUNDS.ms);
    expect(Math.max(...outcomes.map((o) => o.heapMb))).toBeLessThan(CASE_BOUNDS.heapMb);
  }, 120_000);
});
