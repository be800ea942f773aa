import { z } from 'zod';
import { PlanPeriodSchema } from './plan-period';

/** GB/T 2260 six-digit administrative division code. */
export const DivisionCodeSchema = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
export type DivisionCode = z.infer<typeof DivisionCodeSchema>;

/** city = 市无废办 (receives county reports); county = 旗/区/县无废办. */
export const OfficeLevelSchema = z.enum(['city', 'county']);
export type OfficeLevel = z.infer<typeof OfficeLevelSchema>;

export const OfficeSchema = z
  .object({
    code: DivisionCodeSchema,
    name: z.string().min(1),
    /** Short form used on printed sheets, e.g. "伊旗". */
    shortName: z.string().min(1).optional(),
    level: OfficeLevelSchema,
    parentCode: DivisionCodeSchema.nullable(),
    /** The office's plan periods, oldest first (shared/domain/plan-period.ts). */
    plans: z.array(PlanPeriodSchema).max(20).optional(),
    /** The plan in force now; new records belong to it. */
    currentPlanId: z.string().optional(),
  })
  .strict();
export type Office = z.infer<typeof OfficeSchema>;
