/**
 * zwc — the command line of the ledger: a thin host over the same core services as the desktop
 * app (shared/app). This file only parses, finds the command (cli/commands/index.ts), runs it and
 * maps what went wrong to an exit code (cli/errors.ts). Built to dist/cli/zwc.js (scripts/build-cli.mjs).
 */
import { Options, parseCommandArgs } from './args';
import type { Command } from './command';
import { commandNamed, commandsUnder } from './commands';
import { EXIT, exitOf, internalErrorText, report, UsageError, type ExitCode } from './errors';
import { commandHelp, GENERAL_HELP, helpFor } from './help';
import { nodeIo, type CliIo } from './io';
import { closeCliStorage } from './storage/open';

export { EXIT, internalErrorText } from './errors';
export { MAX_INPUT_BYTES, nodeIo, readBounded, type CliIo } from './io';

/** The general help, as `zwc help` prints it. */

interface Found {
  command: Command;
  rest: string[];
}

/**
 * The command named by the first one or two words of the command line (options such as
 * `--workspace DIR` may come before them); the rest is for the command's own options.
 */
function findCommand(argv: readonly string[]): { found?: Found; words: string[] } {
  const words: { word: string; at: number }[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i];
    if (a === '--workspace') i++;
    else if (a.startsWith('-')) {
      if (!a.startsWith('--workspace=') && a !== '--help' && a !== '-h') break;
    } else words.push({ word: a, at: i });
  }
  const without = (n: number) => argv.filter((_, i) => !words.slice(0, n).some((w) => w.at === i));
  const two = words.length === 2 ? commandNamed(`${words[0].word} ${words[1].word}`) : undefined;
  if (two) return { found: { command: two, rest: without(2) }, words: words.map((w) => w.word) };
  const one = words.length ? commandNamed(words[0].word) : undefined;
  if (one) return { found: { command: one, rest: without(1) }, words: [words[0].word] };
  return { words: words.map((w) => w.word) };
}

function unknownCommand(words: readonly string[]): UsageError {
  if (!words.length) return new UsageError('缺少命令 / no command given');
  const group = commandsUnder(words[0]);
  if (group.length) {
    const subs = group.map((c) => c.name.slice(words[0].length + 1)).join(' / ');
    return new UsageError(words.length > 1 ? `未知命令 / unknown command: ${words.join(' ')}（${words[0]} 可用 / available: ${subs}）` : `请指定 ${words[0]} 的子命令 / give a subcommand: ${subs}`);
  }
  return new UsageError(`未知命令 / unknown command: ${words.join(' ')}`);
}

async function run(argv: readonly string[], io: CliIo, setHelp: (text: string) => void): Promise<ExitCode> {
  if (argv[0] === 'help') {
    const text = argv.length > 1 ? helpFor(argv.slice(1)) : GENERAL_HELP();
    if (text === undefined) throw unknownCommand(argv.slice(1));
    io.stdout(text);
    return EXIT.ok;
  }
  const { found, words } = findCommand(argv);
  if (!found) {
    if (!words.length && (argv.includes('--help') || argv.includes('-h'))) {
      io.stdout(GENERAL_HELP());
      return EXIT.ok;
    }
    throw unknownCommand(words);
  }
  const { command, rest } = found;
  setHelp(commandHelp(command));
  const args = new Options(parseCommandArgs(rest, command.options));
  if (args.flag('help')) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  const dir = args.get('workspace');
  if (command.workspace === 'required' && !dir) throw new UsageError(`缺少 --workspace DIR（工作区文件夹）/ missing --workspace DIR`);
  if (command.workspace === 'none' && dir !== undefined) throw new UsageError(`zwc ${command.name} 不使用 --workspace / zwc ${command.name} takes no --workspace`);
  return exitOf((await command.run({ io, args, dir })) ?? 'ok');
}

/** Runs one command; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  let help = GENERAL_HELP();
  try {
    return await run(argv, io, (text) => (help = text));
  } catch (e) {
    const { text, code } = report(e, () => help);
    io.stderr(text);
    return code;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(internalErrorText(e));
      process.exitCode = EXIT.internal;
    },
  )
    // The workspace's database shuts down as soon as the command is done (PGlite's timers would keep the process 10 s).
    .finally(() => closeCliStorage());
}
