/**
 * What an office keeps about the bundles it was given: one entry per import attempt, merged or not,
 * so a clerk (and the city) can see what arrived from whom and why something was refused.
 */
export interface ImportRecord {
  /** When the import was attempted (ISO). */
  at: string;
  /** From the manifest when it could be read; empty when the file was refused before that. */
  bundleId: string;
  officeCode: string;
  deviceId: string;
  sequence: number;
  /** The reporting period the bundle was made for (YYYY-MM). */
  period: string;
  /** Fingerprint of the signing key (spoken form). */
  fingerprint: string;
  fileName: string;
  outcome: 'merged' | 'refused' | 'already-imported';
  /** The refusal's Chinese message. */
  reason?: string;
  counts?: { added: number; changed: number; conflicts: number };
}

/** What became of an import, in one wording everywhere it is shown; `tone` is the tag colour. */
export const IMPORT_OUTCOME_LABELS: Record<ImportRecord['outcome'], { text: string; tone: 'success' | 'error' | 'default' }> = {
  merged: { text: '已合并', tone: 'success' },
  refused: { text: '已拒绝', tone: 'error' },
  'already-imported': { text: '重复文件，未再导入', tone: 'default' },
};

/** The settings key the history is stored under. */
export const IMPORT_HISTORY_KEY = 'exchange.imports';

/** The latest merged import per office: what the city last received from each county. */
export function lastMergedByOffice(history: readonly ImportRecord[]): Map<string, ImportRecord> {
  const out = new Map<string, ImportRecord>();
  for (const r of history) {
    if (r.outcome !== 'merged') continue;
    const prev = out.get(r.officeCode);
    if (!prev || r.period > prev.period || (r.period === prev.period && r.at > prev.at)) out.set(r.officeCode, r);
  }
  return out;
}
