import { z } from 'zod';
import { DivisionCodeSchema } from './office';
import { RecordIdSchema } from './ids';
import { SourceRefSchema, ReviewFlagSchema } from './source';

/** 责任领导 / 牵头领导: a named official who answers for tasks. */
export const LeaderSchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    name: z.string().min(1),
    /** Post as the documents give it, e.g. "副区长"; empty when no document says. */
    title: z.string(),
    departmentIds: z.array(RecordIdSchema),
    source: SourceRefSchema.optional(),
    review: z.array(ReviewFlagSchema).optional(),
  })
  .strict();
export type Leader = z.infer<typeof LeaderSchema>;
