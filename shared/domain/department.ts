import { z } from 'zod';
import { DivisionCodeSchema } from './office';
import { RecordIdSchema } from './ids';
import { SourceRefSchema, ReviewFlagSchema } from './source';

/**
 * What kind of unit a 成员单位 is. Plans name more than government bureaus: collective units
 * (各镇人民政府, 各成员单位), enterprises (包钢（集团）公司), and in a city's plan the counties and
 * districts below it (各旗区人民政府, 土默特左旗人民政府).
 */
export const DepartmentKindSchema = z.enum([
  'department', // a bureau or office: 旗生态环境局
  'collective', // a group named as one: 各镇人民政府, 各成员单位, 各相关街镇
  'enterprise', // a company or state-owned group
  'subordinate-office', // one named lower-level government in a city plan: 武川县人民政府
  'all-subordinate-offices', // every lower-level government: 各旗区人民政府, 各旗县区人民政府
  'park', // development zone or industrial park committee: 蒙苏经济开发区管委会
  'township', // one town or sub-district under the office: 昆河镇, 昆北街道办事处
]);
export type DepartmentKind = z.infer<typeof DepartmentKindSchema>;
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  department: '部门',
  collective: '集合单位',
  enterprise: '企业',
  'subordinate-office': '下级政府',
  'all-subordinate-offices': '各下级政府',
  park: '园区',
  township: '镇/街道',
};

export const DepartmentSchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    /** The name as the documents write it. */
    name: z.string().min(1),
    /** Other spellings that mean the same unit (旗环境局 for 旗生态环境局 …). */
    aliases: z.array(z.string().min(1)),
    kind: DepartmentKindSchema,
    /** For subordinate offices: the division codes they stand for. */
    officeCodes: z.array(DivisionCodeSchema).optional(),
    source: SourceRefSchema.optional(),
    review: z.array(ReviewFlagSchema).optional(),
  })
  .strict();
export type Department = z.infer<typeof DepartmentSchema>;
