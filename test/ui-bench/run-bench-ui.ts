/**
 * The UI part of `npm run bench` alone (scripts/bench-browser.ts), run `runs` times, each figure's median printed:
 * `flock /tmp/zwc-browser.lock npx tsx test/ui-bench/run-bench-ui.ts [tasks] [runs]` (build the renderer first).
 */
import { benchBrowser } from '../../scripts/bench-browser';
import { median } from '../../scripts/bench-report';

async function main() {
  const count = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const byName = new Map<string, { target: number; values: number[] }>();
  for (let i = 0; i < runs; i++) {
    for (const f of await benchBrowser(count)) {
      const e = byName.get(f.name) ?? { target: f.target, values: [] };
      e.values.push(f.ms);
      byName.set(f.name, e);
    }
  }
  for (const [name, { target, values }] of byName) {
    console.log(`${name.padEnd(50)} median ${median(values).toFixed(1).padStart(7)} ms (target ≤ ${target})  runs: ${values.map((v) => v.toFixed(0)).join(', ')}`);
  }
}

void main();
