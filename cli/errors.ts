import { BundleError } from '../shared/exchange/errors';
import { CanonicalJsonError } from '../shared/exchange/canonical-json';
import { ValidationError } from '../shared/app/change';
import { BackupError } from '../shared/app/backup/backup-format';
import { XlsxError } from '../shared/xlsx/errors';
import { SeedError } from '../shared/seed/load-seed';
import { IssuedSheetError } from '../shared/app/printing/issued-sheets';
import { DocumentError } from '../shared/app/documents/documents';
import { WorkspaceFileError } from './file-storage';
import { IndicatorValueError } from '../shared/views/indicator-value';
import { RecordEditError } from '../shared/views/record-edits';
import { CatchUpError } from '../shared/app/exchange/catch-up';

/**
 * What can go wrong in zwc, one error type per meaning, and the one table from meaning to exit
 * code. Commands throw these (or the core's own errors, classified below) and never pick an exit
 * code themselves; a command whose work partly failed returns the meaning of the worst failure.
 */

/** The exit codes, documented in `zwc help` and the README. */
export const EXIT = { ok: 0, usage: 1, refused: 2, io: 3, notFound: 4, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a command that finished reports: all done, or some of its items refused or unreadable. */
export type Outcome = 'ok' | 'refused' | 'io';

/** The command line itself is wrong: unknown command or option, a missing or malformed value. */
export class UsageError extends Error {}
/** The data given is invalid or refused: a damaged file, a value the rules refuse, an untrusted key. */
export class InputError extends Error {}
/** What was named does not exist: a workspace not set up, a plan, a unit, a seeded plan. */
export class NotFoundError extends Error {}
/** A file could not be read or written. */
export class FileError extends Error {}

type Meaning = 'usage' | 'refused' | 'notFound' | 'io' | 'internal';

const isErrno = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test(String((e as NodeJS.ErrnoException).code));

/** The meaning of an error: ours by type, the core's by what it says about the input. */
export function meaningOf(e: unknown): Meaning {
  if (e instanceof UsageError) return 'usage';
  if (e instanceof NotFoundError) return 'notFound';
  if (e instanceof FileError || isErrno(e)) return 'io';
  if (
    e instanceof InputError ||
    e instanceof BundleError ||
    e instanceof CanonicalJsonError ||
    e instanceof ValidationError ||
    e instanceof BackupError ||
    e instanceof XlsxError ||
    e instanceof SeedError ||
    e instanceof IssuedSheetError ||
    e instanceof DocumentError ||
    e instanceof IndicatorValueError ||
    e instanceof RecordEditError ||
    e instanceof CatchUpError ||
    e instanceof WorkspaceFileError
  ) {
    return 'refused';
  }
  return 'internal';
}

/** The exit code of a finished command's outcome. */
export const exitOf = (outcome: Outcome): ExitCode => EXIT[outcome];

/** The message a clerk reads for an error, and its exit code. */
export function report(e: unknown, usageOf: () => string): { text: string; code: ExitCode } {
  const meaning = meaningOf(e);
  const message = e instanceof Error ? e.message : String(e);
  switch (meaning) {
    case 'usage':
      return { text: `${message}\n\n${usageOf()}`, code: EXIT.usage };
    case 'notFound':
      return { text: `未找到 / not found: ${message}\n`, code: EXIT.notFound };
    case 'io':
      return { text: `错误 / error: ${message}\n`, code: EXIT.io };
    case 'refused':
      return { text: `无效 / invalid: ${message}\n`, code: EXIT.refused };
    default:
      return { text: internalErrorText(e), code: EXIT.internal };
  }
}

/** An internal error in one sentence, never a stack trace: clerks read this. */
export function internalErrorText(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  return `内部错误 / internal error: ${what}\n这是本工具的缺陷，不是您的文件的问题；请把这条信息转给技术人员。/ This is a bug in zwc, not a problem with your files.\n`;
}

export const EXIT_CODES_HELP = `退出码 / Exit codes:
  0 成功 ok · 1 用法错误 usage · 2 内容无效或被拒绝（校验、信任）refused/invalid ·
  3 读写文件失败 I/O error · 4 未找到（工作区未设置、方案、单位）not found · 70 内部错误 internal error
`;
