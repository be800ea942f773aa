/**
 * The province figures of the bench alone (scripts/bench-province.ts), without the rest of `npm run bench`:
 * `flock /tmp/zwc-browser.lock npx tsx test/app/run-bench-province.ts [offices]`.
 */
import { benchProvince } from '../../scripts/bench-province';
import { printFigures } from '../../scripts/bench-report';

async function main() {
  printFigures(await benchProvince(Number(process.argv[2] ?? 100)));
}

void main();
