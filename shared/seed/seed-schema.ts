import { z } from 'zod';
import { OfficeSchema } from '../domain/office';
import { IsoDateSchema, YearSchema } from '../domain/ids';
import { SourceRefSchema, ReviewFlagSchema } from '../domain/source';
import { DepartmentKindSchema } from '../domain/department';
import { DivisionCodeSchema } from '../domain/office';
import { TaskDomainSchema, ParticipantRoleSchema, MilestoneSchema } from '../domain/task';
import { DeadlineSchema } from '../domain/deadline';
import { ConstructionPeriodSchema } from '../domain/project';
import { WanYuanSchema } from '../domain/money';
import {
  IndicatorMarkerSchema,
  IndicatorDirectionSchema,
  IndicatorQuantitySchema,
  YearTargetSchema,
} from '../domain/indicator';

/**
 * The file format of a seeded plan (seeds/*.json). Records refer to departments and leaders by
 * the name the document uses, so a reviewer can read the file beside the document; the loader
 * turns names into ids. Everything else uses the domain schemas unchanged.
 */
const DepartmentName = z.string().min(1);

export const SeedDepartmentSchema = z
  .object({
    name: DepartmentName,
    aliases: z.array(z.string().min(1)),
    kind: DepartmentKindSchema,
    officeCodes: z.array(DivisionCodeSchema).optional(),
    source: SourceRefSchema.optional(),
    review: z.array(ReviewFlagSchema).optional(),
  })
  .strict();

export const SeedLeaderSchema = z
  .object({
    name: z.string().min(1),
    title: z.string(),
    departments: z.array(DepartmentName),
    source: SourceRefSchema,
    review: z.array(ReviewFlagSchema).optional(),
  })
  .strict();

const SeedLeadsSchema = z.array(z.object({ department: DepartmentName, duty: z.string().optional() }).strict());
const SeedParticipantsSchema = z.array(
  z.object({ department: DepartmentName, role: ParticipantRoleSchema, duty: z.string().optional() }).strict(),
);

export const SeedTaskPartSchema = z
  .object({
    text: z.string().min(1),
    leads: SeedLeadsSchema,
    participants: SeedParticipantsSchema,
    leaders: z.array(z.string().min(1)),
    deadline: DeadlineSchema,
  })
  .strict();

export const SeedTaskSchema = z
  .object({
    domain: TaskDomainSchema,
    domainLabel: z.string().min(1),
    number: z.string().min(1),
    title: z.string().min(1),
    summary: z.string(),
    leads: SeedLeadsSchema,
    participants: SeedParticipantsSchema,
    leaders: z.array(z.string().min(1)),
    deadline: DeadlineSchema,
    milestones: z.array(MilestoneSchema),
    parts: z.array(SeedTaskPartSchema).optional(),
    source: SourceRefSchema,
    review: z.array(ReviewFlagSchema).optional(),
  })
  .strict();

export const SeedProjectSchema = z
  .object({
    number: z.string().min(1),
    category: z.string().optional(),
    name: z.string().min(1),
    content: z.string(),
    constructionUnits: z.array(DepartmentName),
    responsibleUnits: z.array(DepartmentName),
    plannedInvestment: WanYuanSchema.nullable(),
    investmentText: z.string().optional(),
    period: ConstructionPeriodSchema.nullable(),
    deadline: DeadlineSchema.nullable(),
    area: z.string().nullable(),
    benefit: z.string().nullable(),
    source: SourceRefSchema,
    review: z.array(ReviewFlagSchema).optional(),
  })
  .strict();

export const SeedIndicatorSchema = z
  .object({
    number: z.string().min(1),
    level1: z.string().min(1),
    level2: z.string().min(1),
    name: z.string().min(1),
    marker: IndicatorMarkerSchema.nullable(),
    unit: z.string().nullable(),
    direction: IndicatorDirectionSchema,
    baseline: z.object({ year: YearSchema, value: IndicatorQuantitySchema }).strict().nullable(),
    targets: z.array(YearTargetSchema),
    cumulative: z.boolean(),
    responsibleDepartments: z.array(DepartmentName),
    note: z.string().optional(),
    source: SourceRefSchema,
    review: z.array(ReviewFlagSchema).optional(),
  })
  .strict();

export const SeedPlanSchema = z
  .object({
    format: z.literal('zwc-seed/1'),
    office: OfficeSchema,
    plan: z
      .object({
        title: z.string().min(1),
        documentNumber: z.string().optional(),
        issuedOn: IsoDateSchema.optional(),
        issuer: z.string().optional(),
        fromYear: YearSchema,
        toYear: YearSchema,
        source: SourceRefSchema,
        review: z.array(ReviewFlagSchema).optional(),
      })
      .strict(),
    /** Facts about the plan as a whole, e.g. why it has no project list. */
    notes: z.array(z.string()),
    departments: z.array(SeedDepartmentSchema),
    leaders: z.array(SeedLeaderSchema),
    tasks: z.array(SeedTaskSchema),
    projects: z.array(SeedProjectSchema),
    indicators: z.array(SeedIndicatorSchema),
  })
  .strict();

export type SeedPlan = z.infer<typeof SeedPlanSchema>;
export type SeedTask = z.infer<typeof SeedTaskSchema>;
export type SeedProject = z.infer<typeof SeedProjectSchema>;
export type SeedIndicator = z.infer<typeof SeedIndicatorSchema>;
export type SeedDepartment = z.infer<typeof SeedDepartmentSchema>;
