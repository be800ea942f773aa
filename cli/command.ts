import type { OptionSpecs, Options } from './args';
import type { Outcome } from './errors';
import type { CliIo } from './io';

/**
 * One zwc command: its name (one or two words: `init`, `plan next`), its options, its Chinese help,
 * and what it runs. cli/commands/index.ts lists them all; cli/zwc.ts parses, finds, runs and maps
 * errors to exit codes, nothing else.
 */
export interface Command {
  readonly name: string;
  /** One line for the list in `zwc help`. */
  readonly summary: string;
  /** The usage lines after `zwc [--workspace DIR] NAME`, e.g. `--out x.html [--period 2026-11]`. */
  readonly usage: string;
  /** More lines for `zwc help NAME`, if any. */
  readonly details?: string;
  /** 'required': runs on the workspace in --workspace DIR; 'optional': may; 'none': never. */
  readonly workspace: 'required' | 'optional' | 'none';
  readonly options: OptionSpecs;
  run(ctx: CommandContext): Promise<Outcome | void>;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly args: Options;
  /** The --workspace folder (set whenever the command's `workspace` is 'required'). */
  readonly dir: string | undefined;
}

/** The workspace folder of a command that requires one. */
export function dirOf(ctx: CommandContext): string {
  if (ctx.dir === undefined) throw new Error('command needs --workspace');
  return ctx.dir;
}
