/**
 * The compiled checks (shared/exchange/compiled-schema.ts) answer exactly as zod does: on valid
 * records of every table a bundle carries, and on thousands of mutations of them (fields removed,
 * replaced by other JSON values, strings lengthened or given other characters, unknown names added),
 * with the envelope and without.
 */
import fc from 'fast-check';
import { z, type ZodTypeAny } from 'zod';
import { compile } from '../../shared/exchange/compiled-schema';
import { OfficeSchema } from '../../shared/domain/office';
import { PLAN_SCHEMAS } from '../../shared/views/plan-tables';
import { IndicatorValueSchema, ProgressEntrySchema } from '../../shared/domain/progress';
import { normaliseRecord } from '../../shared/exchange/merge';
import type { BundleTableName, StoredRecord } from '../../shared/exchange/records';
import { stampAll } from '../../shared/sync/stamped';
import { realisticOffice } from '../../scripts/bench-data';
import { value } from '../support/factories';

const DOMAIN: Record<BundleTableName, ZodTypeAny> = { offices: OfficeSchema, ...PLAN_SCHEMAS, progress: ProgressEntrySchema, indicatorValues: IndicatorValueSchema };
function asObject(s: ZodTypeAny): z.AnyZodObject {
  if (!(s instanceof z.ZodObject)) throw new Error('not an object schema');
  return s;
}
const SCHEMAS = Object.fromEntries(Object.entries(DOMAIN).map(([t, s]) => [t, asObject(s)])) as Record<BundleTableName, z.AnyZodObject>;

const STAMP = '000001700000000:000000:laptopA';

function samples(): Record<BundleTableName, Record<string, unknown>[]> {
  const office = realisticOffice();
  const plain = (rows: readonly StoredRecord[]) => rows.slice(0, 40).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_'))));
  const problem = {
    id: '150627-pb-1',
    officeCode: '150627',
    subjectKind: 'task',
    subjectId: '150627-t-1',
    text: '资金不到位',
    raisedOn: '2025-03-01',
    raisedBy: { name: '无废办' },
    kind: 'general',
    responsibleId: null,
    due: '2025-04-01',
    dueChanges: [],
    followUps: [],
    closing: null,
    reopenings: [],
  };
  return {
    offices: plain(office.offices),
    departments: plain(office.departments),
    leaders: plain(office.leaders),
    tasks: plain(office.tasks),
    projects: plain(office.projects),
    indicators: plain(office.indicators),
    progress: plain(office.progress),
    indicatorValues: [value(2025, 12.5), value(2025, '达标', { month: 3, judgement: 'met' })].map((r) => ({ ...r })),
    problems: [problem],
  };
}

const json: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', '2025-03', '2025-03-01', '2025-03-01T08:00:00.000+08:00', '150627', '150627-x', 'task', 'number', 'text', 'office', STAMP, 'a\u202eb'),
  fc.string({ maxLength: 12 }),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('kind', 'value', 'text', 'departmentId', 'date', 'x'), fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant('number')), { maxKeys: 3 }),
);

type Mutation = { op: 'drop' | 'set' | 'grow' | 'add' | 'deep'; at: number; to: unknown; name: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('drop', 'set', 'grow', 'add', 'deep'),
  at: fc.nat(),
  to: json,
  name: fc.constantFrom('extra', '_x', 'constructor', 'toString', 'id'),
});

/** A copy of `record` with one change somewhere in it (or in a nested object or array). */
function mutate(record: unknown, m: Mutation, depth = 0): unknown {
  if (typeof record !== 'object' || record === null) return m.op === 'grow' && typeof record === 'string' ? record.repeat(400) : m.to;
  const copy: Record<string, unknown> = Array.isArray(record) ? ([...record] as unknown as Record<string, unknown>) : { ...(record as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (m.op === 'add' || keys.length === 0) {
    copy[m.name] = m.to;
    return copy;
  }
  const key = keys[m.at % keys.length];
  if (m.op === 'drop' && !Array.isArray(record)) delete copy[key];
  else if (m.op === 'deep' && depth < 3) copy[key] = mutate(copy[key], { ...m, at: Math.floor(m.at / 7) }, depth + 1);
  else copy[key] = m.op === 'grow' && typeof copy[key] === 'string' ? (copy[key] as string).repeat(400) : m.to;
  return copy;
}

const agree = (schema: ZodTypeAny, check: (v: unknown) => boolean, v: unknown) => expect({ v, ok: check(v) }).toEqual({ v, ok: schema.safeParse(v).success });

describe('compiled checks answer as zod does', () => {
  const all = samples();
  const tables = Object.keys(SCHEMAS) as BundleTableName[];

  it.each(tables)('%s: every valid sample is accepted by both', (table) => {
    const check = compile(SCHEMAS[table]);
    expect(all[table].length).toBeGreaterThan(0);
    for (const r of all[table]) {
      expect(SCHEMAS[table].safeParse(r).success).toBe(true);
      expect(check(r)).toBe(true);
    }
  });

  it.each(tables)('%s: mutated records, plain and in their envelope, get the same answer', (table) => {
    const plainCheck = compile(SCHEMAS[table]);
    const envelope = SCHEMAS[table].extend({ _stamps: z.record(z.string().regex(/^\d{15}:\d{6}:[A-Za-z0-9_-]{1,64}$/)), _deleted: z.string().nullable(), _updated: z.string(), _seen: z.record(z.string()).optional() });
    const stampedCheck = compile(envelope);
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
        const base = all[table][i % all[table].length];
        let plain: unknown = base;
        for (const m of ms) plain = mutate(plain, m);
        agree(SCHEMAS[table], plainCheck, plain);
        if (!SCHEMAS[table].safeParse(plain).success) refused++;
        let stamped: unknown = normaliseRecord(stampAll(base, STAMP) as unknown as StoredRecord);
        for (const m of ms) stamped = mutate(stamped, m);
        agree(envelope, stampedCheck, stamped);
      }),
      { numRuns: 400, seed: 29 },
    );
    // The mutations do reach refusals: the comparison is not only over valid records.
    expect(refused).toBeGreaterThan(50);
  });

  it('other kinds answer as zod does too (left to zod where not translated)', () => {
    const cases: [ZodTypeAny, unknown[]][] = [
      [z.string().email(), ['a@b.cn', 'nope']],
      [z.string().uuid(), ['3f1d7a52-2c4e-4b8a-9f61-0d2e5b7c9a10', 'x']],
      [z.string().trim().min(2), [' a ', 'ab']],
      [z.number().multipleOf(0.1), [0.3, 0.35]],
      [z.number().gt(1).lt(3), [1, 2, 3]],
      [z.array(z.number()).length(2), [[1, 2], [1]]],
      [z.object({ a: z.number() }).passthrough(), [{ a: 1, b: 2 }, { b: 2 }]],
      [z.object({ a: z.number() }), [{ a: 1, b: 2 }, []]],
      [z.object({ a: z.number() }).catchall(z.string()), [{ a: 1, b: 'x' }, { a: 1, b: 2 }]],
      [z.string().transform((s) => s.length), ['abc', 3]],
      [z.object({ a: z.string() }).refine((o) => Object.keys(o).length === 1), [{ a: 'x' }, { a: 'x', b: 1 }]],
      [z.string().refine((s) => s !== 'no'), ['yes', 'no', 3]],
      [z.string().superRefine((s, ctx) => (s.length > 2 ? ctx.addIssue({ code: 'custom' }) : undefined)), ['ab', 'abc']],
      [z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), n: z.number() }), z.object({ kind: z.literal('b') })]), [{ kind: 'a', n: 1 }, { kind: 'a' }, { kind: 'c' }, 'a']],
      [z.record(z.string().min(2), z.number()), [{ ab: 1 }, { a: 1 }]],
      [z.number(), [NaN, Infinity, 1]],
      [z.number().finite(), [Infinity, 1]],
      [z.object({ d: z.date() }), [{ d: new Date() }, { d: '2025' }]],
      [z.enum(['x', 'y']), ['x', 'z', 1]],
    ];
    for (const [schema, values] of cases) for (const v of values) agree(schema, compile(schema), v);
  });

  it('a refinement over an object sees the copy zod would give it: names in the shape\'s order, stripped names gone, new arrays', () => {
    const input = { b: [1, 2], a: 'x', extra: true };
    const order = z.object({ a: z.string(), b: z.array(z.number()) }).refine((o) => Object.keys(o).join() === 'a,b' && o.b !== input.b);
    const strictOrder = z.object({ a: z.string(), b: z.array(z.number()), u: z.number().optional() }).strict().refine((o) => 'u' in o);
    const cases: [ZodTypeAny, unknown[]][] = [
      [order, [input, { a: 'x', b: [] }, { a: 1, b: [] }]],
      [strictOrder, [{ a: 'x', b: [], u: undefined }, { a: 'x', b: [] }, { a: 'x', b: [], u: 1 }]],
      [z.object({ p: z.array(z.object({ d: z.string() }).strict()) }).strict().refine((o) => o.p.every((x, i) => i === 0 || o.p[i - 1].d <= x.d)), [{ p: [{ d: 'a' }, { d: 'b' }] }, { p: [{ d: 'b' }, { d: 'a' }] }]],
    ];
    for (const [schema, values] of cases) for (const v of values) agree(schema, compile(schema), v);
  });

  it('an object\'s fields are checked however its names are held: absent, undefined, not enumerable, inherited, repeated texts', () => {
    const schema = z.object({ a: z.string().regex(/^[a-z]+$/), b: z.number().optional(), c: z.enum(['x', 'y']).optional() }).strict();
    const hidden = { a: 'ok' };
    Object.defineProperty(hidden, 'b', { value: 'not a number', enumerable: false });
    const inherited: Record<string, unknown> = Object.create({ a: 'fine' }) as Record<string, unknown>;
    const badInherited: Record<string, unknown> = Object.create({ a: 'NO' }) as Record<string, unknown>;
    const check = compile(schema);
    for (const v of [{ a: 'ok' }, { a: 'ok', b: undefined }, { b: 1 }, { a: 'ok', z: 1 }, hidden, inherited, badInherited, { a: 'ok', c: 'x' }, { a: 'ok', c: 'x' }, { a: 'ok', c: 'z' }, { a: 'OK' }, { a: 'ok' }]) {
      agree(schema, check, v);
    }
  });
});
