import { z } from 'zod';
import { DivisionCodeSchema } from './office';
import { IsoDateSchema, RecordIdSchema, YearSchema } from './ids';
import { DeadlineSchema } from './deadline';
import { SourceRefSchema, ReviewFlagSchema } from './source';
import { TEXT_LIMITS } from './text-limits';

/**
 * The solid-waste domains the plans group their tasks under. `domainLabel` on a task keeps the
 * document's own heading (工业固体废物 / 工业固体废物领域 / 工业源 …).
 */
export const TaskDomainSchema = z.enum([
  'institutional', // 体制机制
  'industrial', // 工业固体废物
  'agricultural', // 农业固体废物
  'domestic', // 生活领域固体废物
  'construction', // 建筑垃圾
  'hazardous', // 危险废物
  'other',
]);
export type TaskDomain = z.infer<typeof TaskDomainSchema>;

export const TASK_DOMAIN_LABELS: Record<TaskDomain, string> = {
  institutional: '体制机制',
  industrial: '工业固体废物',
  agricultural: '农业固体废物',
  domestic: '生活领域固体废物',
  construction: '建筑垃圾',
  hazardous: '危险废物',
  other: '其他',
};

/** The role word the document used for non-lead units; kept because it differs per plan. */
export const ParticipantRoleSchema = z.enum(['参与', '责任', '配合']);
export type ParticipantRole = z.infer<typeof ParticipantRoleSchema>;

export const TaskLeadSchema = z
  .object({
    departmentId: RecordIdSchema,
    /** Stated duty, when the plan gives one per unit (呼和浩特市: 牵头单位及任务分工). */
    duty: z.string().optional(),
  })
  .strict();

export const TaskParticipantSchema = z
  .object({
    departmentId: RecordIdSchema,
    role: ParticipantRoleSchema,
    duty: z.string().optional(),
  })
  .strict();
export type TaskParticipant = z.infer<typeof TaskParticipantSchema>;

/** 时间安排: what the plan expects in given years. One text may cover several years. */
export const MilestoneSchema = z
  .object({
    years: z.array(YearSchema).min(1),
    text: z.string().min(1),
  })
  .strict();
export type Milestone = z.infer<typeof MilestoneSchema>;

/** Recorded when a clerk marks a task done: the day, and what proves it. */
export const CompletionSchema = z
  .object({
    date: IsoDateSchema,
    evidence: z.string().max(TEXT_LIMITS.medium),
  })
  .strict();
export type Completion = z.infer<typeof CompletionSchema>;

/**
 * One 分项 of a numbered task, where the plan gives sub-items their own units, leaders and
 * deadline (昆都仑区: "1．持续推进工业固体废物源头减量" has two paragraphs, each with its own
 * 责任领导 / 牵头单位 / 配合单位 / 完成时限). The task's own lists are then the union of its parts'.
 */
export const TaskPartSchema = z
  .object({
    text: z.string().min(1),
    leads: z.array(TaskLeadSchema),
    participants: z.array(TaskParticipantSchema),
    leaderIds: z.array(RecordIdSchema),
    deadline: DeadlineSchema,
  })
  .strict();
export type TaskPart = z.infer<typeof TaskPartSchema>;

export const TaskSchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    domain: TaskDomainSchema,
    /** The heading the document put this task under. */
    domainLabel: z.string().min(1),
    /** Number within its domain as printed; not unique (昆都仑区 has two tasks numbered 18). */
    number: z.string().min(1),
    /** Position in the document, for a stable listing order. */
    order: z.number().int().nonnegative(),
    title: z.string().min(1).max(TEXT_LIMITS.title).refine((s) => s.trim() !== '', '不能为空'),
    summary: z.string().max(TEXT_LIMITS.long),
    leads: z.array(TaskLeadSchema),
    participants: z.array(TaskParticipantSchema),
    leaderIds: z.array(RecordIdSchema),
    deadline: DeadlineSchema,
    milestones: z.array(MilestoneSchema),
    /** Sub-items with their own units and deadlines, when the plan has them. */
    parts: z.array(TaskPartSchema).optional(),
    completion: CompletionSchema.nullable(),
    source: SourceRefSchema,
    review: z.array(ReviewFlagSchema).optional(),
    /** The plan period this task belongs to; absent: the office's first plan. */
    planId: z.string().optional(),
    /** A task the city's plan assigned to all its county offices, taken over from it. */
    fromCity: z.object({ officeCode: DivisionCodeSchema, taskId: RecordIdSchema, number: z.string() }).strict().optional(),
    /** The task of the previous plan period whose unfinished work this one carries on. */
    carriedFrom: RecordIdSchema.optional(),
  })
  .strict();
export type Task = z.infer<typeof TaskSchema>;
