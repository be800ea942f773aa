/**
 * Offices on MemoryStorage that exchange real signed bundles: two laptops of 伊金霍洛旗 and the
 * 鄂尔多斯市 office that receives both, each writing at a moment of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { receiverOf } from '../../shared/exchange/rules';
import { loadSeedPlan } from '../../shared/seed/load-seed';

const seed = (file: string) => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8')));
export const YIQI = seed('150627-yijinhuoluo.json');
export const ORDOS = seed('150600-ordos.json');
export const TASK = '150627-task-007';

// Beijing time 2026-11-20 10:03 and 10:41 (UTC 02:03 and 02:41).
export const T_A = Date.parse('2026-11-20T02:03:00Z');
export const T_B = Date.parse('2026-11-20T02:41:00Z');
export const LATER = Date.parse('2026-11-21T01:00:00Z');

export async function laptop(plan: typeof YIQI, at: number, id: string): Promise<Workspace> {
  // The device id is made of these 8 bytes; every write of this laptop is stamped at its moment `at`.
  const bytes = new TextEncoder().encode(id.padEnd(8, '0').slice(0, 8));
  const ws = await openWorkspace(new MemoryStorage(), { random: () => bytes, now: () => at });
  await setUpWorkspace(ws, plan, 'plan', new Date(at));
  return ws;
}

export async function send(from: Workspace, officeCode: string) {
  const out = await from.exchange.exportBundle(officeCode, '2026-11', new Date(LATER));
  return { name: out.fileName, data: out.bytes };
}

/** Imports as a clerk would, trusting the sender's key (the fingerprint comparison is not the point here). */
export async function receive(to: Workspace, officeCode: string, file: { name: string; data: Uint8Array }, label?: string) {
  const receiver = receiverOf(officeCode);
  let prepared = await to.exchange.prepareImport(receiver, file, new Date(LATER));
  if (prepared.kind === 'untrusted') {
    await to.trust.trust({ officeCode: prepared.officeCode, publicKey: prepared.publicKey, ...(label ? { label } : {}) });
    prepared = await to.exchange.prepareImport(receiver, file, new Date(LATER));
  }
  if (prepared.kind !== 'ready') throw new Error(`not imported: ${prepared.kind === 'refused' ? prepared.refusal.message : prepared.kind}`);
  await to.exchange.applyImport(prepared, new Date(LATER));
  return prepared;
}
