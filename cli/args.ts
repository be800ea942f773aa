import { parseArgs } from 'node:util';
import { UsageError } from './errors';

/**
 * The one argument parser of zwc: node's util.parseArgs with a command's own options, strict (an
 * unknown option, a missing value or a value given to a switch is refused with a clear message).
 */

/** An option: `string` takes a value (`--out x.html` or `--out=x.html`), `boolean` is a switch (`--all`). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Given several times, every value is kept (e.g. --column). */
  multiple?: boolean;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string | boolean | string[]>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: OptionSpecs = { help: { type: 'boolean' }, workspace: { type: 'string' } };

function optionName(message: string): string {
  return /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? '';
}

export function parseCommandArgs(argv: readonly string[], options: OptionSpecs): ParsedArgs {
  const config = Object.fromEntries(Object.entries({ ...COMMON_OPTIONS, ...options }).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv].map((a) => (a === '-h' ? '--help' : a)), options: config, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = e instanceof Error ? e.message : String(e);
    const name = optionName(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知选项 ${name} / unknown option ${name}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(message)) throw new UsageError(`选项 ${name} 不带取值 / option ${name} takes no value`);
      throw new UsageError(`选项 ${name} 缺少取值 / option ${name} needs a value`);
    }
    throw new UsageError(message);
  }
  const values = new Map<string, string | boolean | string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) values.set(name, value.map(String));
    else values.set(name, typeof value === 'boolean' ? value : String(value));
  }
  return { positionals: parsed.positionals, values };
}

/** Reading a command's parsed options: each helper refuses a wrong type as a usage error. */
export class Options {
  constructor(private readonly parsed: ParsedArgs) {}

  get positionals(): readonly string[] {
    return this.parsed.positionals;
  }

  /** A value option, or undefined. */
  get(name: string): string | undefined {
    const v = this.parsed.values.get(name);
    if (Array.isArray(v)) return v[v.length - 1];
    return typeof v === 'string' ? v : undefined;
  }

  /** A value option that must be given (and not empty). */
  need(name: string, what = ''): string {
    const v = this.get(name);
    if (v === undefined || v === '') throw new UsageError(`缺少 --${name}${what ? `（${what}）` : ''} / missing --${name}`);
    return v;
  }

  has(name: string): boolean {
    return this.parsed.values.has(name);
  }

  /** A switch (`--all`). */
  flag(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }

  /** `--x yes`: the long-standing spelling of a yes/no option. */
  yes(name: string, fallback = false): boolean {
    const v = this.get(name);
    if (v === undefined) return fallback;
    if (v !== 'yes' && v !== 'no') throw new UsageError(`--${name} 应为 yes 或 no / --${name} must be yes or no: ${v}`);
    return v === 'yes';
  }

  /** Every value of a repeatable option. */
  all(name: string): string[] {
    const v = this.parsed.values.get(name);
    if (Array.isArray(v)) return v;
    return typeof v === 'string' ? [v] : [];
  }

  /** One of the allowed words. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.get(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} 应为 ${allowed.join(' 或 ')} / --${name} must be ${allowed.join(' or ')}: ${v}`);
    return v as T;
  }
}
