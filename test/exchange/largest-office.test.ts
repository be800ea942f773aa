/**
 * The default limits take the largest office a province could hold (shared/exchange/README.md
 * §4.1): 10,000 tasks and 42,000 monthly reports, as its bundle's payload is scanned while inflating.
 */
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { DEFAULT_LIMITS, JsonLimitScanner } from '../../shared/exchange/limits';
import { largeOffice, recordCount } from '../../scripts/bench-data';

it('a county with 10,000 tasks and 42,000 reports is within every default limit, with room to spare', () => {
  const tables = largeOffice(10_000);
  expect(recordCount(tables)).toBeGreaterThan(50_000);
  const json = canonicalJsonBytes({ tables });
  const scanner = new JsonLimitScanner(DEFAULT_LIMITS);
  for (let i = 0; i < json.length; i += 64 * 1024) scanner.push(json.subarray(i, i + 64 * 1024));
  scanner.finish();
  const { bytes, values, records } = scanner.figures;
  // Real reports' texts are longer than these synthetic ones: the limits keep well clear of them.
  expect(bytes * 2).toBeLessThan(DEFAULT_LIMITS.maxPayloadBytes);
  expect(values * 1.4).toBeLessThan(DEFAULT_LIMITS.maxValues);
  expect(records * 1.5).toBeLessThan(DEFAULT_LIMITS.maxRecords);
}, 60_000);
