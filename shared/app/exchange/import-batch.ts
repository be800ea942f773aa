import { decodeContainer } from '../../exchange/bundle-format';
import { divisionName, subordinatesOf } from '../../domain/divisions';
import type { Receiver } from '../../exchange/rules';
import type { VerifiedBundle } from '../../exchange/verify';
import type { MergePreview } from '../../exchange/merge';
import type { BundleTables } from '../../exchange/records';
import type { BundleRefusal } from '../../exchange/errors';
import type { RecordLookup } from '../../views/record-label';
import type { RegisterMergePreview } from '../printing/issued-sheets';

/**
 * Many bundles taken in at once (several chosen, a folder, files dropped on the page): each file is
 * checked on its own and shown under its own name; the ones that pass are merged one after another,
 * each in its own transaction.
 */

/** A file checked and ready to merge, or why not (ExchangeService.prepareImport). */
export type PreparedImport =
  | {
      kind: 'ready';
      fileName: string;
      bundle: VerifiedBundle;
      preview: MergePreview;
      writes: BundleTables;
      /** Finds the tasks, projects, indicators, units and leaders the preview names: the file's first, then this laptop's (deleted ones too). */
      lookup: RecordLookup;
      /**
       * What the file's issued-sheet register adds to this laptop's: only for a file of this
       * laptop's own office (another laptop of it). Null otherwise: a city never mixes a county's
       * numbers into its own, and a file without a register has nothing to merge.
       */
      register: RegisterMergePreview | null;
    }
  | { kind: 'untrusted'; fileName: string; refusal: BundleRefusal; officeCode: string; publicKey: string; fingerprint: string }
  | { kind: 'refused'; fileName: string; refusal: BundleRefusal };

/** A file as the desktop API (or a drop) hands it over: its bytes, or why it could not be read. */
export type BatchEntry = { name: string; data: Uint8Array } | { name: string; refusal: string };

export interface NamedOffice {
  code: string;
  name: string;
}

/** One file of a batch: what the check found, and what the clerk should know before merging it. */
export interface BatchItem {
  fileName: string;
  /** The file's bytes (kept to check it again right before its merge); null when it could not be read. */
  data: Uint8Array | null;
  /** Null when the file could not be read at all (`unreadable` says why). */
  prepared: PreparedImport | null;
  unreadable?: string;
  /** The office the file says it comes from (signed when the file passed), or null when unknown. */
  officeCode: string | null;
  /** The reporting month written in the file (YYYY-MM), read from its manifest even when it was refused. */
  period: string | null;
  /** The office its file name names, when it names one. */
  nameOffice: NamedOffice | null;
  /** File name and signed office disagree: said in words, shown beside the file. */
  nameWarning: string | null;
}

/** The offices a receiver may meet in a file name: itself and the county offices under it. */
export function nameCandidates(receiver: Receiver): NamedOffice[] {
  return [{ code: receiver.officeCode, name: divisionName(receiver.officeCode) }, ...subordinatesOf(receiver.officeCode)];
}

/** "达拉特旗" also written "达拉特" in a file name: a name without its 旗/区/县/市 ending, when something is left. */
const shortName = (name: string) => (name.length > 3 ? name.replace(/(自治旗|自治县|旗|区|县|市)$/, '') : name);

/**
 * The office a file name names: a six-digit division code of one of the candidates, else the
 * longest candidate name (or short name) in it. Null when it names none, or names two different
 * offices equally well.
 */
export function officeNamedIn(fileName: string, candidates: readonly NamedOffice[]): NamedOffice | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  for (const m of base.matchAll(/(?<!\d)(\d{6})(?!\d)/g)) {
    const hit = candidates.find((c) => c.code === m[1]);
    if (hit) return hit;
  }
  let best: { office: NamedOffice; length: number } | null = null;
  let tie = false;
  for (const c of candidates) {
    for (const n of new Set([c.name, shortName(c.name)])) {
      if (n.length < 2 || !base.includes(n)) continue;
      if (!best || n.length > best.length) {
        best = { office: c, length: n.length };
        tie = false;
      } else if (n.length === best.length && best.office.code !== c.code) tie = true;
    }
  }
  return best && !tie ? best.office : null;
}

/** The period and office a file's manifest states, read without trusting it (for a refused file's line). */
export function peekManifest(data: Uint8Array): { period: string | null; officeCode: string | null } {
  try {
    const m = decodeContainer(data).header.manifest;
    const period = typeof m.period === 'string' && /^\d{4}-\d{2}$/.test(m.period) ? m.period : null;
    const officeCode = typeof m.officeCode === 'string' && /^\d{6}$/.test(m.officeCode) ? m.officeCode : null;
    return { period, officeCode };
  } catch {
    return { period: null, officeCode: null };
  }
}

/** The warning when a file is named for one office and signed (or said) by another; null when they agree or the name says nothing. */
export function nameMismatch(fileName: string, named: NamedOffice | null, officeCode: string | null): string | null {
  if (!named || !officeCode || named.code === officeCode) return null;
  return `文件名写的是${named.name}，但文件内容来自${divisionName(officeCode)}（按签名）。请核对是否发错或改错了文件名；确认无误再导入。`;
}

/** The office a prepared file comes from: the signed one when it passed, else what its refusal knew. */
export function officeOf(prepared: PreparedImport): string | null {
  if (prepared.kind === 'ready') return prepared.bundle.manifest.officeCode;
  if (prepared.kind === 'untrusted') return prepared.officeCode;
  return prepared.refusal.detail.officeCode ?? null;
}

/**
 * The order ready files are merged in: by office, then laptop, then the laptop's sequence, so two
 * files of one laptop go oldest first (the newer would make the older stale otherwise).
 */
export function mergeOrder<T extends BatchItem>(items: readonly T[]): T[] {
  const manifest = (i: BatchItem) => (i.prepared?.kind === 'ready' ? i.prepared.bundle.manifest : null);
  const ready = items.filter((i) => manifest(i) !== null);
  ready.sort((a, b) => {
    const x = manifest(a);
    const y = manifest(b);
    if (!x || !y) return 0;
    return x.officeCode.localeCompare(y.officeCode) || x.deviceId.localeCompare(y.deviceId) || x.sequence - y.sequence;
  });
  return [...ready, ...items.filter((i) => manifest(i) === null)];
}

/** What became of one file when the batch was confirmed. */
export interface BatchResult {
  fileName: string;
  officeCode: string | null;
  outcome: 'merged' | 'refused' | 'already-imported' | 'unreadable';
  /** Counts of a merged file. */
  counts?: { added: number; changed: number; conflicts: number };
  reason?: string;
  period?: string;
}

/** One sentence for the whole batch: how many merged, how many not, and which. */
export function batchSummary(results: readonly BatchResult[]): string {
  const merged = results.filter((r) => r.outcome === 'merged');
  const same = results.filter((r) => r.outcome === 'already-imported');
  const refused = results.filter((r) => r.outcome === 'refused' || r.outcome === 'unreadable');
  const conflicts = merged.reduce((n, r) => n + (r.counts?.conflicts ?? 0), 0);
  const parts = [`已合并 ${merged.length} 个文件`];
  if (conflicts) parts.push(`${conflicts} 处冲突待处理`);
  if (same.length) parts.push(`${same.length} 个之前已导入`);
  if (refused.length) parts.push(`未导入 ${refused.length} 个：${refused.map((r) => r.fileName).join('、')}`);
  return parts.join('，');
}
