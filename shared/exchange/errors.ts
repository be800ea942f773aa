/**
 * Why a bundle was refused. Codes are stable English identifiers for programs and logs; messages
 * are Chinese sentences a clerk can act on, naming the file's problem rather than the check.
 */
export type BundleErrorCode =
  | 'too-large'
  | 'truncated'
  | 'bad-container'
  | 'unsupported-version'
  | 'invalid-manifest'
  | 'bad-signature'
  | 'untrusted-key'
  | 'revoked-key'
  | 'payload-hash'
  | 'over-limit'
  | 'invalid-text'
  | 'invalid-payload'
  | 'wrong-office'
  | 'foreign-record'
  | 'future-stamp'
  | 'device-key-mismatch'
  | 'already-imported'
  | 'stale';

/** Every refusal code, for reports that count refusals by reason. */
export const BUNDLE_ERROR_CODES: readonly BundleErrorCode[] = [
  'too-large',
  'truncated',
  'bad-container',
  'unsupported-version',
  'invalid-manifest',
  'bad-signature',
  'untrusted-key',
  'revoked-key',
  'payload-hash',
  'over-limit',
  'invalid-text',
  'invalid-payload',
  'wrong-office',
  'foreign-record',
  'future-stamp',
  'device-key-mismatch',
  'already-imported',
  'stale',
];

/** Facts a UI may need beyond the message, e.g. to offer "trust this key" with its fingerprint. */
export interface BundleErrorDetail {
  officeCode?: string;
  deviceId?: string;
  publicKey?: string;
  fingerprint?: string;
  bundleId?: string;
  sequence?: number;
  /** Up to a few record-level problems (table, id, field). */
  problems?: string[];
}

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    readonly detail: BundleErrorDetail = {},
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

/** A refusal as plain data, for results, JSON reports and IPC. */
export interface BundleRefusal {
  code: BundleErrorCode;
  message: string;
  /** 'noop' for a bundle that was already imported: nothing to do, nothing wrong. */
  level: 'noop' | 'refused';
  detail: BundleErrorDetail;
}

export function refusalOf(e: BundleError): BundleRefusal {
  return { code: e.code, message: e.message, level: e.code === 'already-imported' ? 'noop' : 'refused', detail: e.detail };
}
