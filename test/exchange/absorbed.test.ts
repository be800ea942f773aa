/**
 * A monthly snapshot in which nothing changed (issue 29): the same payload, byte for byte, as a
 * bundle merged before from the same laptop is known from its signed hash — not decompressed, no
 * record read or written — while its sequence is still checked and the history still says it came.
 */
import { MemoryStorage } from '../../shared/app/memory-storage';
import { RecordsService } from '../../shared/app/records-service';
import { ExchangeService } from '../../shared/app/exchange/exchange-service';
import { TrustService, seenDevices } from '../../shared/app/trust/trust-service';
import { HybridClock } from '../../shared/sync/hlc';
import { createBundle } from '../../shared/exchange/bundle-format';
import { generateIdentity, type Identity } from '../../shared/exchange/identity';
import { verifyBundle } from '../../shared/exchange/verify';
import { receiverOf } from '../../shared/exchange/rules';
import type { BundleTables } from '../../shared/exchange/records';
import { OFFICE, department, office, progressEntry, stamp, stored } from './fixtures';

const NOW = new Date('2026-11-02T09:30:00+08:00');
const CITY = receiverOf('150600');
let county: Identity;

beforeAll(async () => {
  county = await generateIdentity();
});

const records = (name = '测试单位d1'): Partial<BundleTables> => ({
  offices: [stored(office(), stamp(1))],
  departments: [stored(department('d1', { name }), stamp(name === '测试单位d1' ? 1 : 5))],
  progress: [stored(progressEntry('p1'), stamp(3))],
});

const bundle = (sequence: number, r = records()) => createBundle({ records: r, identity: county, officeCode: OFFICE, deviceId: 'laptopA', sequence, period: '2026-10', kind: 'snapshot', now: NOW });

async function city() {
  const storage = new MemoryStorage();
  const records = new RecordsService(storage, new HybridClock('city1', () => NOW.getTime()));
  const exchange = new ExchangeService(storage, records, () => Promise.reject(new Error('no export here')));
  await new TrustService(storage).trust({ officeCode: OFFICE, publicKey: county.publicKey });
  return { storage, exchange };
}

async function ready(exchange: ExchangeService, data: Uint8Array, name: string) {
  const prepared = await exchange.prepareImport(CITY, { name, data }, NOW);
  if (prepared.kind !== 'ready') throw new Error(`${name}: ${prepared.refusal.message}`);
  return prepared;
}

describe('an unchanged snapshot is known from its payload hash', () => {
  it('is merged as nothing: no records carried, none written, the history and sequence kept', async () => {
    const { storage, exchange } = await city();
    await exchange.applyImport(await ready(exchange, await bundle(1), 'm1.zwb'), NOW);
    const before = await storage.listAll('departments');

    const second = await ready(exchange, await bundle(2), 'm2.zwb');
    expect(second.bundle.absorbed).toBe(true);
    expect(second.bundle.payload.tables.departments).toEqual([]);
    expect(Object.values(second.writes).flat()).toEqual([]);
    const entry = await exchange.applyImport(second, NOW);
    expect(entry).toMatchObject({ outcome: 'merged', sequence: 2, counts: { added: 0, changed: 0, conflicts: 0 } });
    expect(await storage.listAll('departments')).toEqual(before);
    expect((await seenDevices(storage))[`${OFFICE}/laptopA`]).toMatchObject({ highestSequence: 2 });

    // Something changed: the payload differs, so it is read, checked and merged as usual.
    const third = await ready(exchange, await bundle(3, records('改名的单位')), 'm3.zwb');
    expect(third.bundle.absorbed).toBeUndefined();
    expect(third.preview.changed.map((c) => c.fields)).toEqual([['name']]);
    await exchange.applyImport(third, NOW);

    // The old payload under an old sequence is still stale, even though its payload is known.
    const stale = await exchange.prepareImport(CITY, { name: 'm2b.zwb', data: await bundle(2) }, NOW);
    expect(stale.kind === 'refused' && stale.refusal.code).toBe('stale');
  });

  it('is not taken for known by a reader whose seen state is kept apart from its records (zwc verify/merge)', async () => {
    const { storage, exchange } = await city();
    await exchange.applyImport(await ready(exchange, await bundle(1), 'm1.zwb'), NOW);
    const seen = await seenDevices(storage);
    const result = await verifyBundle(await bundle(2), { trust: [{ officeCode: OFFICE, publicKey: county.publicKey }], seen, now: NOW });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.absorbed).toBeUndefined();
    expect(result.payload.tables.departments).toHaveLength(1);
  });
});
