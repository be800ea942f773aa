/**
 * The browser import bench alone (scripts/bench-import.ts), without the rest of `npm run bench`:
 * `flock /tmp/zwc-browser.lock npx tsx test/exchange/run-bench-import.ts [tasks] [runs]`.
 */
import { benchImport } from '../../scripts/bench-import';
import { printFigures } from '../../scripts/bench-report';

async function main() {
  const figures = await benchImport({ taskCount: Number(process.argv[2] ?? 10_000), runs: Number(process.argv[3] ?? 3) });
  printFigures(figures);
}

void main();
