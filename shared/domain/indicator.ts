import { z } from 'zod';
import { DivisionCodeSchema } from './office';
import { RecordIdSchema, YearSchema } from './ids';
import { SourceRefSchema, ReviewFlagSchema } from './source';

/** ★ national mandatory, ● city's own, ▲ county's own; null when the table leaves it blank. */
const MARKERS = z.enum(['national', 'city', 'county']);
/** Records and bundles written before the glossary's rename say 'banner' for ▲; they read as 'county'. */
export const IndicatorMarkerSchema = z.union([MARKERS, z.literal('banner').transform((): IndicatorMarker => 'county')]);
export type IndicatorMarker = z.infer<typeof MARKERS>;
export const MARKER_SYMBOLS: Record<IndicatorMarker, string> = { national: '★', city: '●', county: '▲' };
export const MARKER_LABELS: Record<IndicatorMarker, string> = {
  national: '国家必选指标',
  city: '市级自选指标',
  county: '旗区自选指标',
};

export const IndicatorDirectionSchema = z.enum(['higher', 'lower', 'qualitative']);
export type IndicatorDirection = z.infer<typeof IndicatorDirectionSchema>;

/** A measured or stated value: a number in the indicator's unit, or words ("已建立"). */
export const IndicatorQuantitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: z.number().finite(), text: z.string().optional() }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().min(1) }).strict(),
]);
export type IndicatorQuantity = z.infer<typeof IndicatorQuantitySchema>;

export const ComparatorSchema = z.enum(['<', '≤', '>', '≥', '=']);
export type Comparator = z.infer<typeof ComparatorSchema>;

/**
 * A target as the table writes it.
 * - comparator: "≥90%", "<0.5", "100%" (no sign: `implied` is true and the sign follows the direction)
 * - trend: 逐年降低 / 逐年提高 / 使用量负增长, judged against the previous year's value
 * - text: anything else (建立完善协调机制); a person judges it
 */
export const IndicatorTargetSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('comparator'),
      op: ComparatorSchema,
      value: z.number().finite(),
      implied: z.boolean(),
      text: z.string().min(1),
    })
    .strict(),
  z.object({ kind: z.literal('trend'), trend: z.enum(['decrease', 'increase']), text: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().min(1) }).strict(),
]);
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

export const YearTargetSchema = z.object({ year: YearSchema, target: IndicatorTargetSchema }).strict();
export type YearTarget = z.infer<typeof YearTargetSchema>;

export const IndicatorSchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    /** 序号 as printed. */
    number: z.string().min(1),
    order: z.number().int().nonnegative(),
    level1: z.string().min(1),
    level2: z.string().min(1),
    /** 三级指标: the indicator's own name. */
    name: z.string().min(1),
    marker: IndicatorMarkerSchema.nullable(),
    unit: z.string().nullable(),
    direction: IndicatorDirectionSchema,
    baseline: z.object({ year: YearSchema, value: IndicatorQuantitySchema }).strict().nullable(),
    /** Ascending by year. */
    targets: z.array(YearTargetSchema),
    /** A count whose yearly values are totals to date (e.g. 绿色工厂数量 累计). */
    cumulative: z.boolean(),
    responsibleDepartmentIds: z.array(RecordIdSchema),
    /** Footnote or remark attached to the row. */
    note: z.string().optional(),
    source: SourceRefSchema,
    review: z.array(ReviewFlagSchema).optional(),
    /** The plan period this indicator belongs to; absent: the office's first plan. */
    planId: z.string().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;
