import { z } from 'zod';

/** GB/T 2260 six-digit administrative division code. */
export const DivisionCodeSchema = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
export type DivisionCode = z.infer<typeof DivisionCodeSchema>;

/** city = 市无废办 (receives banner reports); county = 旗/区/县无废办. */
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
  })
  .strict();
export type Office = z.infer<typeof OfficeSchema>;
