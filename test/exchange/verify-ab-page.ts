/**
 * A measuring page (not a test): the bench's verifyVsFloor (scripts/bench-page.ts) alone, the same
 * steps (one untimed app verify and floor, then three rounds of app then floor, medians), for
 * run-verify-ab.ts to compare two builds of shared/exchange on the same file.
 */
import { appVerifyOf, now, verifyFloor, verifyRounds } from '../../scripts/bench-page-parts';

async function verifyVsFloor(path: string, officeCode: string, publicKey: string, split = false): Promise<Record<string, number>> {
  const data = new Uint8Array(await (await fetch(path)).arrayBuffer());
  const appVerify = appVerifyOf(data, officeCode, publicKey);
  const floorVerify = () => verifyFloor(data);
  await appVerify();
  await floorVerify();
  // For profiling (run-verify-ab.ts PROFILE=…): the rounds run in a later call, once the profiler is started.
  if (split) {
    rounds = () => timedRounds(appVerify, floorVerify);
    return {};
  }
  return timedRounds(appVerify, floorVerify);
}

let rounds: (() => Promise<Record<string, number>>) | undefined;

async function timedRounds(appVerify: () => Promise<void>, floorVerify: () => Promise<void>): Promise<Record<string, number>> {
  const { app, floor, apps } = await verifyRounds(appVerify, floorVerify);
  return { app, floor, app0: apps[0], app1: apps[1], app2: apps[2] };
}

/** For CPU figures (run-verify-ab.ts CPU=1): the same warm-up, then each verify run on its own call, bracketed from outside. */
let once: { app: () => Promise<void>; floor: () => Promise<void> } | undefined;
async function prepareOnce(path: string, officeCode: string, publicKey: string): Promise<void> {
  const data = new Uint8Array(await (await fetch(path)).arrayBuffer());
  const app = appVerifyOf(data, officeCode, publicKey);
  const floor = () => verifyFloor(data);
  await app();
  await floor();
  once = { app, floor };
}
async function runOnce(which: 'app' | 'floor'): Promise<number> {
  if (!once) throw new Error('prepareOnce first');
  performance.clearMarks();
  const t0 = now();
  await once[which]();
  const ms = now() - t0;
  const marks = performance.getEntriesByType('mark');
  if (marks.length) console.log('MARKS ' + JSON.stringify(marks.map((m, i) => [m.name, i ? m.startTime - marks[i - 1].startTime : 0])));
  return ms;
}

(globalThis as unknown as { verifyVsFloor: typeof verifyVsFloor }).verifyVsFloor = verifyVsFloor;
(globalThis as unknown as { prepareOnce: typeof prepareOnce }).prepareOnce = prepareOnce;
(globalThis as unknown as { runOnce: typeof runOnce }).runOnce = runOnce;
(globalThis as unknown as { rounds: () => Promise<Record<string, number>> }).rounds = () => {
  if (!rounds) throw new Error('verifyVsFloor(…, true) first');
  return rounds();
};
document.title = 'ab ready';
