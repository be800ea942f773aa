import { z } from 'zod';
import { OfficeSchema } from '../domain/office';
import { IsoDateSchema, YearSchema } from '../domain/ids';
import { SourceRefSchema, ReviewFlagSchema } from '../domain/source';
import { DepartmentSchema } from '../domain/department';
import { LeaderSchema } from '../domain/leader';
import { TaskLeadSchema, TaskParticipantSchema, TaskPartSchema, TaskSchema } from '../domain/task';
import { ProjectSchema } from '../domain/project';
import { IndicatorSchema } from '../domain/indicator';

/**
 * The file format of a seeded plan (seeds/*.json). Records refer to departments and leaders by
 * the name the document uses, so a reviewer can read the file beside the document; the loader
 * turns names into ids. Every record is the domain's own schema without what the loader gives it
 * (id, office, order, plan period) and with names where the domain keeps ids: a field added to a
 * domain record is a field of its seed, never restated here.
 */
const DepartmentName = z.string().min(1);
const NAMES = z.array(DepartmentName);
/** What the loader fills in: the record's id, its office, its place in the list and its plan period. */
const GIVEN = { id: true, officeCode: true } as const;

const SeedDepartmentSchema = DepartmentSchema.omit(GIVEN);

const SeedLeaderSchema = LeaderSchema.omit({ ...GIVEN, departmentIds: true }).extend({ departments: NAMES, source: SourceRefSchema });

const SeedLeadsSchema = z.array(TaskLeadSchema.omit({ departmentId: true }).extend({ department: DepartmentName }));
const SeedParticipantsSchema = z.array(TaskParticipantSchema.omit({ departmentId: true }).extend({ department: DepartmentName }));
const SeedUnits = { leads: SeedLeadsSchema, participants: SeedParticipantsSchema, leaders: z.array(z.string().min(1)) };

const SeedTaskPartSchema = TaskPartSchema.omit({ leads: true, participants: true, leaderIds: true }).extend(SeedUnits);

const SeedTaskSchema = TaskSchema.omit({ ...GIVEN, order: true, planId: true, leads: true, participants: true, leaderIds: true, parts: true, completion: true, fromCity: true, carriedFrom: true }).extend({
  ...SeedUnits,
  parts: z.array(SeedTaskPartSchema).optional(),
});

const SeedProjectSchema = ProjectSchema.omit({ ...GIVEN, order: true, planId: true, constructionUnitIds: true, responsibleUnitIds: true, constructionStatus: true, startYear: true }).extend({
  constructionUnits: NAMES,
  responsibleUnits: NAMES,
});

const SeedIndicatorSchema = IndicatorSchema.omit({ ...GIVEN, order: true, planId: true, responsibleDepartmentIds: true }).extend({ responsibleDepartments: NAMES });

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
