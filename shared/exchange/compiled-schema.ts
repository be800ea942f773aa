/**
 * A zod schema turned once into a plain function that answers "would zod accept this value?"
 * (issue 29: a bundle of 52,000 records spent most of its checking time inside zod, which copies
 * every object it parses and rebuilds its datetime regex on every call). Only the answer is
 * computed: for a value it refuses, the caller runs zod itself to get zod's own messages.
 *
 * Each kind of node is translated exactly as zod 3 checks it (the object type test, strict and
 * stripped unknown keys, string length / regex / datetime checks, number int / min / max / finite,
 * enums, literals, unions, optional, nullable, arrays, records). Anything else — refinements,
 * transforms, defaults, string checks that transform, coercion — is left to zod for that node, so
 * the function can be slower there but never answers differently
 * (test/exchange/compiled-schema.test.ts compares the two on mutated records of every table).
 */
import { datetimeRegex, z, type ZodTypeAny } from 'zod';

export type CompiledCheck = (value: unknown) => boolean;

/** zod's own answer: used for every node the translation below does not cover. */
const byZod =
  (schema: ZodTypeAny): CompiledCheck =>
  (v) =>
    schema.safeParse(v).success;

/** zod's "object": not null, not an array, not a promise, Map, Set or Date. */
export function isZodObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const then = (v as { then?: unknown }).then;
  const katch = (v as { catch?: unknown }).catch;
  if (then && typeof then === 'function' && katch && typeof katch === 'function') return false;
  // A plain object (what JSON.parse makes) is none of these: its prototype chain is Object.prototype alone.
  if (Object.getPrototypeOf(v) === Object.prototype) return true;
  return !(v instanceof Map || v instanceof Set || v instanceof Date);
}

function compileString(schema: z.ZodString): CompiledCheck {
  if (schema._def.coerce) return byZod(schema);
  // Length bounds are folded into one range compared inline; patterns (regex, datetime) are tested
  // after them. Every check must pass, so the order they are asked in does not change the answer.
  let min = 0;
  let max = Infinity;
  const patterns: RegExp[] = [];
  for (const c of schema._def.checks) {
    switch (c.kind) {
      case 'min':
        min = Math.max(min, c.value);
        break;
      case 'max':
        max = Math.min(max, c.value);
        break;
      case 'length':
        min = Math.max(min, c.value);
        max = Math.min(max, c.value);
        break;
      case 'regex':
        patterns.push(c.regex);
        break;
      case 'datetime':
        // Built once here; zod builds it on every call.
        patterns.push(datetimeRegex(c));
        break;
      default:
        return byZod(schema);
    }
  }
  if (!patterns.length) return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
  // zod sets lastIndex to 0 before each test; only a global or sticky pattern reads it.
  const matches = (re: RegExp, s: string) => {
    if (re.global || re.sticky) re.lastIndex = 0;
    return re.test(s);
  };
  // The last text accepted, remembered: the checks answer for the text alone, and a bundle repeats
  // texts (a record's stamps are mostly one and the same), so a repeat costs one comparison.
  let accepted: string | undefined;
  return (v) => {
    if (typeof v !== 'string') return false;
    if (v === accepted) return true;
    if (v.length < min || v.length > max) return false;
    for (const pattern of patterns) if (!matches(pattern, v)) return false;
    accepted = v;
    return true;
  };
}

function compileNumber(schema: z.ZodNumber): CompiledCheck {
  if (schema._def.coerce) return byZod(schema);
  // The bounds folded into the strictest lower and upper one, compared inline.
  let int = false;
  let finite = false;
  let low = -Infinity;
  let lowInclusive = true;
  let high = Infinity;
  let highInclusive = true;
  for (const c of schema._def.checks) {
    switch (c.kind) {
      case 'int':
        int = true;
        break;
      case 'min':
        if (c.value > low || (c.value === low && !c.inclusive)) {
          low = c.value;
          lowInclusive = c.inclusive;
        }
        break;
      case 'max':
        if (c.value < high || (c.value === high && !c.inclusive)) {
          high = c.value;
          highInclusive = c.inclusive;
        }
        break;
      case 'finite':
        finite = true;
        break;
      default:
        return byZod(schema);
    }
  }
  return (v) => {
    if (typeof v !== 'number' || Number.isNaN(v)) return false;
    if (int && !Number.isInteger(v)) return false;
    if (finite && !Number.isFinite(v)) return false;
    if (lowInclusive ? v < low : v <= low) return false;
    if (highInclusive ? v > high : v >= high) return false;
    return true;
  };
}

function compileObject(schema: z.AnyZodObject): CompiledCheck {
  const def = schema._def;
  if (!(def.catchall instanceof z.ZodNever)) return byZod(schema);
  const shape = schema.shape as Record<string, ZodTypeAny>;
  const keys = Object.keys(shape);
  const checks = keys.map((k) => compile(shape[k]));
  const index = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;
  const strict = def.unknownKeys === 'strict';
  // The value's own names are walked (for…in reads each value fast, by its place in the object),
  // each checked by its field's check; a name the shape does not know refuses a strict object.
  // (An enumerable inherited name is walked too and refused there: zod would not look at it, so
  // the answer can only be a false "no", and callers ask zod after a "no".) The fields not walked
  // (absent, or not enumerable) are then checked as zod checks them, on `v[k]`, so an absent
  // required field still refuses.
  const marked = n <= 30;
  // The names of the last object walked, in its order, with their places in the shape: objects of
  // one table come in one order (canonical JSON sorts them), so a name is mostly found by one
  // comparison with the name at the same place last time, not by a lookup.
  const lastNames: string[] = [];
  const lastPlaces: number[] = [];
  // Per field whose check answers for a text alone (textOnly), the last text it accepted: records
  // repeat texts (the office, a kind, a status, a stamp), so a repeat costs a comparison, not a call.
  const remembers = keys.map((k) => textOnly(shape[k]));
  const lastText: (string | undefined)[] = keys.map(() => undefined);
  return (v) => {
    if (!isZodObject(v)) return false;
    let found = 0;
    let walked = 0;
    let at = 0;
    for (const k in v) {
      let i: number | undefined;
      if (lastNames[at] === k) i = lastPlaces[at];
      else {
        i = index.get(k);
        if (i === undefined) {
          if (strict) return false;
          continue;
        }
        lastNames[at] = k;
        lastPlaces[at] = i;
      }
      at += 1;
      const value = v[k];
      if (value === undefined || value !== lastText[i]) {
        if (!checks[i](value)) return false;
        if (typeof value === 'string' && remembers[i]) lastText[i] = value;
      }
      found += 1;
      if (marked) walked |= 1 << i;
    }
    if (found === n) return true;
    for (let i = 0; i < n; i++) {
      if (marked && (walked & (1 << i)) !== 0) continue;
      if (!checks[i](v[keys[i]])) return false;
    }
    return true;
  };
}

/**
 * Schemas whose answer for a text depends on that text alone, by construction: strings with their
 * length and pattern checks, enums, literals, optional or nullable ones. (Refinements and zod's own
 * parse are not counted, whatever they do.)
 */
export function textOnly(schema: ZodTypeAny): boolean {
  if (schema instanceof z.ZodString) return !schema._def.coerce && schema._def.checks.every((c) => ['min', 'max', 'length', 'regex', 'datetime'].includes(c.kind));
  if (schema instanceof z.ZodEnum || schema instanceof z.ZodLiteral) return true;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return textOnly(schema._def.innerType);
  return false;
}

/** Schemas whose parsed value is the input itself (no copy, no transform): a refinement sees what it was given. */
function keepsValue(schema: ZodTypeAny): boolean {
  if (schema instanceof z.ZodString || schema instanceof z.ZodNumber || schema instanceof z.ZodBoolean) return !schema._def.coerce;
  if (schema instanceof z.ZodEnum || schema instanceof z.ZodLiteral || schema instanceof z.ZodNull) return true;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return keepsValue(schema._def.innerType);
  return false;
}

/** A value as zod's parse of it gives it to a refinement. */
type Copier = (value: unknown) => unknown;

const same: Copier = (v) => v;

/**
 * For a schema whose parse only copies (objects stripped or strict, arrays, and below them values
 * kept as they are, refined or not), the copy zod's parse makes of a value it accepts: the shape's
 * names in the shape's order, each where the input has it (zod keeps a name present with
 * `undefined`), arrays element by element. Undefined for any other schema.
 */
function copierOf(schema: ZodTypeAny): Copier | undefined {
  if (keepsValue(schema)) return same;
  if (schema instanceof z.ZodEffects) return schema._def.effect.type === 'refinement' ? copierOf(schema._def.schema) : undefined;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    const inner = copierOf(schema._def.innerType);
    return inner && ((v) => (v === undefined || v === null ? v : inner(v)));
  }
  if (schema instanceof z.ZodArray) {
    const element = copierOf(schema._def.type);
    return element && ((v) => (v as unknown[]).map(element));
  }
  if (schema instanceof z.ZodObject) {
    const def = schema._def;
    if (!(def.catchall instanceof z.ZodNever) || def.unknownKeys === 'passthrough') return undefined;
    const keys = Object.keys(schema.shape as Record<string, ZodTypeAny>);
    const copiers: Copier[] = [];
    for (const k of keys) {
      const copy = copierOf((schema.shape as Record<string, ZodTypeAny>)[k]);
      if (!copy) return undefined;
      copiers.push(copy);
    }
    return (v) => {
      const input = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const value = input[k];
        if (value !== undefined || k in input) out[k] = copiers[i](value);
      }
      return out;
    };
  }
  return undefined;
}

/**
 * A refinement (`refine`, `superRefine`) over a schema that hands it the input unchanged, or a copy
 * of it copierOf makes as zod does: the inner check, then the refinement itself on what zod would
 * give it, failing when it adds an issue, as zod runs it.
 */
function compileRefinement(schema: z.ZodEffects<ZodTypeAny>): CompiledCheck {
  const effect = schema._def.effect;
  const inner = schema._def.schema;
  const copy = effect.type === 'refinement' ? copierOf(inner) : undefined;
  if (effect.type !== 'refinement' || !copy) return byZod(schema);
  const check = compile(inner);
  const refinement = effect.refinement;
  return (v) => {
    if (!check(v)) return false;
    let failed = false;
    const ctx = {
      addIssue: () => {
        failed = true;
      },
      path: [],
    };
    const result: unknown = refinement(copy(v), ctx);
    // An asynchronous refinement cannot be answered here: zod's own synchronous parse decides.
    if (result instanceof Promise) return schema.safeParse(v).success;
    return !failed;
  };
}

function compileDiscriminatedUnion(schema: z.ZodDiscriminatedUnion<string, z.AnyZodObject[]>): CompiledCheck {
  const discriminator = schema.discriminator;
  const options = new Map<unknown, CompiledCheck>();
  for (const [value, option] of schema.optionsMap) options.set(value, compile(option));
  return (v) => {
    if (!isZodObject(v)) return false;
    const option = options.get(v[discriminator]);
    return option !== undefined && option(v);
  };
}

/** The check for one schema, built once; call it for every value. */
export function compile(schema: ZodTypeAny): CompiledCheck {
  if (schema instanceof z.ZodEffects) return compileRefinement(schema);
  if (schema instanceof z.ZodDiscriminatedUnion) return compileDiscriminatedUnion(schema);
  if (schema instanceof z.ZodString) return compileString(schema);
  if (schema instanceof z.ZodNumber) return compileNumber(schema);
  if (schema instanceof z.ZodObject) return compileObject(schema);
  if (schema instanceof z.ZodBoolean) return schema._def.coerce ? byZod(schema) : (v) => typeof v === 'boolean';
  if (schema instanceof z.ZodNull) return (v) => v === null;
  if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) return () => true;
  if (schema instanceof z.ZodLiteral) {
    const value: unknown = schema._def.value;
    return (v) => v === value;
  }
  if (schema instanceof z.ZodEnum) {
    const values = new Set<unknown>(schema._def.values as readonly string[]);
    // The last value accepted, remembered, as for strings.
    let accepted: string | undefined;
    return (v) => {
      if (typeof v !== 'string') return false;
      if (v === accepted) return true;
      if (!values.has(v)) return false;
      accepted = v;
      return true;
    };
  }
  if (schema instanceof z.ZodOptional) {
    const inner = compile(schema._def.innerType);
    return (v) => v === undefined || inner(v);
  }
  if (schema instanceof z.ZodNullable) {
    const inner = compile(schema._def.innerType);
    return (v) => v === null || inner(v);
  }
  if (schema instanceof z.ZodUnion) {
    const options = (schema._def.options as readonly ZodTypeAny[]).map(compile);
    return (v) => options.some((o) => o(v));
  }
  if (schema instanceof z.ZodArray) {
    const def = schema._def;
    const element = compile(def.type);
    const min = def.minLength?.value ?? 0;
    const max = def.maxLength?.value ?? Infinity;
    const exact = def.exactLength?.value;
    return (v) => {
      if (!Array.isArray(v)) return false;
      if (exact !== undefined && v.length !== exact) return false;
      if (v.length < min || v.length > max) return false;
      for (const item of v) if (!element(item)) return false;
      return true;
    };
  }
  if (schema instanceof z.ZodRecord) {
    const key = schema._def.keyType;
    // Keys with checks of their own are left to zod.
    if (!(key instanceof z.ZodString) || key._def.checks.length || key._def.coerce) return byZod(schema);
    const value = compile(schema._def.valueType);
    if (!textOnly(schema._def.valueType)) {
      return (v) => {
        if (!isZodObject(v)) return false;
        for (const k in v) if (!value(v[k])) return false;
        return true;
      };
    }
    // The last text accepted, as in objects: a record's values are mostly one text (its stamps).
    let accepted: string | undefined;
    return (v) => {
      if (!isZodObject(v)) return false;
      for (const k in v) {
        const x = v[k];
        if (x === accepted && x !== undefined) continue;
        if (!value(x)) return false;
        if (typeof x === 'string') accepted = x;
      }
      return true;
    };
  }
  return byZod(schema);
}
