import { z } from 'zod';
import type { Office } from '../domain/office';
import { IsoDateSchema, RecordIdSchema } from '../domain/ids';
import { defaultPrintSettings, formatSheetNumber, NumberedKindSchema, NumberPatternSchema, PrintSettingsSchema, type NumberedKind, type PrintSettings } from '../print/sheet-number';
import { readSetting, writeSetting } from './settings';
import type { StoragePort, StorageReader } from './storage';

/**
 * The register of numbered sheets (任务交办单, 督办单): which number went to which department on
 * which day, what the sheet listed, and whether its receipt slip came back. Numbers run per kind
 * and year and are never given twice: the register only grows, and each number is taken inside
 * the same transaction that records it, so two windows issuing at once still get different ones.
 *
 * A number is issued only when the sheet really left: the app first *reserves* the numbers it
 * prints on the sheets (kept aside for a while, so another window cannot take them), then
 * *confirms* them once the PDF file is written or the clerk says the sheet was printed, or
 * *releases* them when the dialog was cancelled — a cancelled print uses no number.
 */

export const ReceiptSchema = z
  .object({
    receivedOn: IsoDateSchema,
    /** 签收人, as written on the slip. */
    signer: z.string().max(40),
    recordedAt: z.string(),
  })
  .strict();
export type Receipt = z.infer<typeof ReceiptSchema>;

export const IssuedSheetSchema = z
  .object({
    number: z.string().min(1),
    kind: NumberedKindSchema,
    year: z.number().int(),
    seq: z.number().int().positive(),
    departmentId: RecordIdSchema,
    /** The name at the time of issue (a later rename does not change what was sent). */
    departmentName: z.string().min(1),
    issuedOn: IsoDateSchema,
    /** What the sheet listed, so a re-print lists the same records. */
    taskIds: z.array(RecordIdSchema),
    projectIds: z.array(RecordIdSchema),
    /** 督办单: the day the department must answer by. */
    answerBy: IsoDateSchema.optional(),
    recordedAt: z.string(),
    receipt: ReceiptSchema.nullable(),
  })
  .strict();
export type IssuedSheet = z.infer<typeof IssuedSheetSchema>;

const RegisterSchema = z.array(IssuedSheetSchema);

/** Numbers kept aside for sheets being printed or saved: never in the register, never in a bundle. */
const ReservationSchema = z
  .object({
    token: z.string().min(1),
    reservedAt: z.string(),
    sheets: z.array(IssuedSheetSchema).min(1),
  })
  .strict();
export type Reservation = z.infer<typeof ReservationSchema>;
const ReservationsSchema = z.array(ReservationSchema);

/** How long reserved numbers stay aside: a print dialog left open over lunch still gets its numbers. */
export const RESERVATION_HOURS = 12;

export const ISSUED_SHEETS_KEY = 'print.issuedSheets';
export const PRINT_SETTINGS_KEY = 'print.settings';
export const RESERVED_SHEETS_KEY = 'print.reservedSheets';

/** One sheet to issue: to whom, and what it lists. */
export interface SheetToIssue {
  departmentId: string;
  departmentName: string;
  taskIds: string[];
  projectIds: string[];
  answerBy?: string;
}

export class IssuedSheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuedSheetError';
  }
}

function nextSeq(register: readonly IssuedSheet[], kind: NumberedKind, year: number): number {
  return register.filter((s) => s.kind === kind && s.year === year).reduce((max, s) => Math.max(max, s.seq), 0) + 1;
}

export class IssuedSheets {
  constructor(
    private readonly storage: StoragePort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The office's print settings, or the defaults made from its name until the clerk saves some. */
  async settings(office: Pick<Office, 'name' | 'shortName'>): Promise<PrintSettings> {
    return (await readSetting(this.storage, PRINT_SETTINGS_KEY, PrintSettingsSchema)) ?? defaultPrintSettings(office);
  }

  async saveSettings(settings: PrintSettings): Promise<void> {
    const checked = PrintSettingsSchema.safeParse(settings);
    if (!checked.success) throw new IssuedSheetError(`打印设置不正确：${checked.error.issues.map((i) => i.message).join('；')}`);
    await this.storage.transaction((tx) => writeSetting(tx, PRINT_SETTINGS_KEY, checked.data));
  }

  /** Every sheet issued, oldest first. */
  list(): Promise<IssuedSheet[]> {
    return readRegister(this.storage);
  }

  async find(number: string): Promise<IssuedSheet | undefined> {
    return (await this.list()).find((s) => s.number === number);
  }

  /**
   * The numbers the next sheets of a kind would get, for a preview. Nothing is reserved: issue()
   * decides, and a sheet is printed with the number issue() returns.
   */
  async peekNumbers(kind: NumberedKind, year: number, count: number, pattern: string): Promise<string[]> {
    const reserved = liveReservations(await readReservations(this.storage), this.now()).flatMap((r) => r.sheets);
    return numbersFor([...(await this.list()), ...reserved], kind, year, count, pattern).map((n) => n.number);
  }

  /**
   * Gives each sheet the next number of its kind for the year of `issuedOn` and records it, all in
   * one transaction. Returns the records in the order asked. For a sheet that is written to a file
   * at once (the command line); the app reserves, then confirms or releases.
   */
  async issue(kind: NumberedKind, sheets: readonly SheetToIssue[], issuedOn: string, pattern: string): Promise<IssuedSheet[]> {
    const reservation = await this.reserve(kind, sheets, issuedOn, pattern);
    return reservation ? this.confirm(reservation.token) : [];
  }

  /**
   * Keeps the next numbers aside for sheets about to be printed or saved, so the sheets can carry
   * them; nothing is issued yet. Null when there is nothing to number.
   */
  async reserve(kind: NumberedKind, sheets: readonly SheetToIssue[], issuedOn: string, pattern: string): Promise<Reservation | null> {
    if (!IsoDateSchema.safeParse(issuedOn).success) throw new IssuedSheetError(`交办日期不正确：${issuedOn}`);
    const checked = NumberPatternSchema.safeParse(pattern);
    if (!checked.success) throw new IssuedSheetError(checked.error.issues[0]?.message ?? '编号格式不正确');
    if (sheets.length === 0) return null;
    const year = Number(issuedOn.slice(0, 4));
    const now = this.now();
    const recordedAt = now.toISOString();
    const token = `${recordedAt}-${Math.random().toString(36).slice(2, 10)}`;
    return this.storage.transaction(async (tx) => {
      const register = await readRegister(tx);
      const reserved = liveReservations(await readReservations(tx), now);
      const numbers = numbersFor([...register, ...reserved.flatMap((r) => r.sheets)], kind, year, sheets.length, pattern);
      const reservation: Reservation = {
        token,
        reservedAt: recordedAt,
        sheets: sheets.map((s, i) =>
          IssuedSheetSchema.parse({
            number: numbers[i].number,
            kind,
            year,
            seq: numbers[i].seq,
            departmentId: s.departmentId,
            departmentName: s.departmentName,
            issuedOn,
            taskIds: [...s.taskIds],
            projectIds: [...s.projectIds],
            ...(s.answerBy ? { answerBy: s.answerBy } : {}),
            recordedAt,
            receipt: null,
          } satisfies IssuedSheet),
        ),
      };
      await writeSetting(tx, RESERVED_SHEETS_KEY, [...reserved, reservation]);
      return reservation;
    });
  }

  /**
   * Issues reserved numbers: the file was written, or the clerk confirmed the sheets were printed.
   * A reservation that lapsed is still issued if its numbers are free; if another sheet took one
   * meanwhile, nothing is issued and the clerk is told to print again.
   */
  async confirm(token: string): Promise<IssuedSheet[]> {
    const now = this.now();
    return this.storage.transaction(async (tx) => {
      const register = await readRegister(tx);
      const all = await readReservations(tx);
      const mine = all.find((r) => r.token === token);
      if (!mine) throw new IssuedSheetError('编号预留已失效，请重新打印或保存');
      const others = liveReservations(all, now).filter((r) => r.token !== token);
      const taken = new Set([...register, ...others.flatMap((r) => r.sheets)].map((s) => s.number));
      const clash = mine.sheets.find((s) => taken.has(s.number));
      if (clash) throw new IssuedSheetError(`编号 ${clash.number} 已被使用，这份单据未登记，请重新打印或保存`);
      const recordedAt = now.toISOString();
      const issued = mine.sheets.map((s) => ({ ...s, recordedAt }));
      await writeSetting(tx, ISSUED_SHEETS_KEY, [...register, ...issued]);
      await writeSetting(tx, RESERVED_SHEETS_KEY, others);
      return issued;
    });
  }

  /** Gives reserved numbers back: the print or save was cancelled, so the next sheet gets them. */
  async release(token: string): Promise<void> {
    const now = this.now();
    await this.storage.transaction(async (tx) => {
      const all = await readReservations(tx);
      await writeSetting(tx, RESERVED_SHEETS_KEY, liveReservations(all, now).filter((r) => r.token !== token));
    });
  }

  /** Records that the receipt slip of a sheet came back signed. */
  async recordReceipt(number: string, receivedOn: string, signer: string): Promise<IssuedSheet> {
    if (!IsoDateSchema.safeParse(receivedOn).success) throw new IssuedSheetError(`签收日期不正确：${receivedOn}`);
    return this.update(number, (s) => {
      if (receivedOn < s.issuedOn) throw new IssuedSheetError(`签收日期不能早于交办日期（${s.issuedOn}）`);
      return { ...s, receipt: { receivedOn, signer: signer.trim().slice(0, 40), recordedAt: this.now().toISOString() } };
    });
  }

  /** Takes back a receipt recorded by mistake. The sheet and its number stay. */
  clearReceipt(number: string): Promise<IssuedSheet> {
    return this.update(number, (s) => ({ ...s, receipt: null }));
  }

  private update(number: string, change: (s: IssuedSheet) => IssuedSheet): Promise<IssuedSheet> {
    return this.storage.transaction(async (tx) => {
      const register = await readRegister(tx);
      const at = register.findIndex((s) => s.number === number);
      if (at < 0) throw new IssuedSheetError(`没有编号为 ${number} 的交办记录`);
      const next = IssuedSheetSchema.parse(change(register[at]));
      await writeSetting(tx, ISSUED_SHEETS_KEY, register.map((s, i) => (i === at ? next : s)));
      return next;
    });
  }
}

async function readRegister(storage: StorageReader): Promise<IssuedSheet[]> {
  return (await readSetting(storage, ISSUED_SHEETS_KEY, RegisterSchema)) ?? [];
}

async function readReservations(storage: StorageReader): Promise<Reservation[]> {
  return (await readSetting(storage, RESERVED_SHEETS_KEY, ReservationsSchema)) ?? [];
}

/** Reservations still holding their numbers: made within the last RESERVATION_HOURS. */
function liveReservations(all: readonly Reservation[], now: Date): Reservation[] {
  const cutoff = now.getTime() - RESERVATION_HOURS * 3600_000;
  return all.filter((r) => Date.parse(r.reservedAt) >= cutoff);
}

/**
 * The next `count` numbers: running on from the highest of the kind and year, skipping any text
 * already on the register (a pattern changed mid-year, or one without {year}, must still never
 * print a number twice).
 */
function numbersFor(register: readonly IssuedSheet[], kind: NumberedKind, year: number, count: number, pattern: string): { number: string; seq: number }[] {
  const taken = new Set(register.map((s) => s.number));
  const out: { number: string; seq: number }[] = [];
  let seq = nextSeq(register, kind, year);
  while (out.length < count) {
    const number = formatSheetNumber(pattern, year, seq);
    if (!taken.has(number)) {
      out.push({ number, seq });
      taken.add(number);
    }
    seq += 1;
  }
  return out;
}

/**
 * Prints or saves sheets and issues their numbers only if that really happened: reserves the
 * numbers, hands them to `output` (which lays the sheets out with them and prints or saves them),
 * then confirms the numbers when `output` returns a result, or releases them when it returns null
 * (cancelled) or fails. A cancelled dialog uses no number.
 */
export async function issueOnOutput<T>(
  register: IssuedSheets,
  request: { kind: NumberedKind; sheets: readonly SheetToIssue[]; issuedOn: string; pattern: string },
  output: (reserved: readonly IssuedSheet[]) => Promise<T | null>,
): Promise<{ issued: IssuedSheet[]; result: T } | null> {
  const reservation = await register.reserve(request.kind, request.sheets, request.issuedOn, request.pattern);
  if (!reservation) return null;
  let result: T | null;
  try {
    result = await output(reservation.sheets);
  } catch (e) {
    await register.release(reservation.token);
    throw e;
  }
  if (result === null) {
    await register.release(reservation.token);
    return null;
  }
  return { issued: await register.confirm(reservation.token), result };
}

/** Two different sheets that carry the same number (two laptops numbered while apart). */
export interface NumberClash {
  number: string;
  sheets: IssuedSheet[];
}

/**
 * The register of two laptops of one office merged (building block for carrying the register in
 * the office's bundles; not wired into the exchange yet). A sheet known to both is kept once — the
 * same number, kind, department and day — with the receipt recorded later winning; every other
 * sheet is kept. Sheets that share a number but are not the same sheet are all kept and reported
 * as clashes, never dropped: they were printed and sent. Numbering afterwards continues after the
 * highest number either laptop knew (numbersFor), so the clash cannot grow.
 */
export function mergeRegisters(local: readonly IssuedSheet[], incoming: readonly IssuedSheet[]): { register: IssuedSheet[]; clashes: NumberClash[] } {
  const same = (a: IssuedSheet, b: IssuedSheet) => a.number === b.number && a.kind === b.kind && a.departmentId === b.departmentId && a.issuedOn === b.issuedOn;
  const out: IssuedSheet[] = [...local];
  for (const s of incoming) {
    const at = out.findIndex((o) => same(o, s));
    if (at < 0) out.push(s);
    else if (s.receipt && (!out[at].receipt || s.receipt.recordedAt > out[at].receipt!.recordedAt)) out[at] = { ...out[at], receipt: s.receipt };
  }
  out.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.number.localeCompare(b.number));
  const byNumber = new Map<string, IssuedSheet[]>();
  for (const s of out) byNumber.set(s.number, [...(byNumber.get(s.number) ?? []), s]);
  const clashes = [...byNumber.entries()].filter(([, list]) => list.length > 1).map(([number, sheets]) => ({ number, sheets }));
  return { register: out, clashes };
}
