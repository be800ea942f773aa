import { z } from 'zod';

/**
 * Where a fact came from. Every seeded record carries one, so a clerk (or a reviewer) can find
 * the sentence or table row in the published document that the record was taken from.
 */
export const SourceRefSchema = z
  .object({
    /** Seed document file name, e.g. "004_ac47b4b671503bb1.txt"; or "user" for records a clerk made. */
    file: z.string().min(1),
    /** Section, table and row as the document names them, e.g. "附件1 任务清单 工业固体废物 第3项". */
    section: z.string().min(1),
    /** 1-based line in the seed file where the record starts, when it came from a seed. */
    line: z.number().int().positive().optional(),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * A field whose value could not be read with certainty from the source. The record is kept and
 * shown with a "待核实" mark; seeds/README.md lists every such place with the same reason.
 */
export const ReviewFlagSchema = z
  .object({
    field: z.string().min(1),
    reason: z.string().min(1),
  })
  .strict();
export type ReviewFlag = z.infer<typeof ReviewFlagSchema>;
