import { z } from 'zod';

/** The import history as stored (shared/exchange/history.ts describes each field). */
export const ImportRecordSchema = z.object({
  at: z.string(),
  bundleId: z.string(),
  officeCode: z.string(),
  deviceId: z.string(),
  sequence: z.number(),
  period: z.string(),
  fingerprint: z.string(),
  fileName: z.string(),
  outcome: z.enum(['merged', 'refused', 'already-imported']),
  reason: z.string().optional(),
  counts: z.object({ added: z.number(), changed: z.number(), conflicts: z.number() }).optional(),
});
export const ImportHistorySchema = z.array(ImportRecordSchema);
