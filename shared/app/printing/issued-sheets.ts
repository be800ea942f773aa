import { z } from 'zod';
import type { Office } from '../../domain/office';
import { IsoDateSchema } from '../../domain/ids';
import { defaultPrintSettings, formatSheetNumber, NumberPatternSchema, PrintSettingsSchema, type NumberedKind, type PrintSettings } from '../../print/sheet-number';
import { DeviceSeriesSchema, IssuedSheetSchema, seriesOf, type IssuedSheet } from '../../domain/issued-sheet';
import type { SheetCandidate } from '../../print/sheet-candidates';
import type { SheetJob } from '../../print/sheet-job';
import { readSetting, writeSetting } from '../settings';
import type { StoragePort, StorageReader, StorageWriter } from '../storage';

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
 *
 * Laptops of one office: each has a 本机编号 (series, default 1). Laptop k ≥ 2 writes its numbers
 * "k-n" (伊无废交〔2026〕2-5号) and counts n within its own series, so laptops that number while
 * apart never write the same number. The register travels in the office's bundles
 * (shared/exchange/register.ts) and is merged with mergeRegisters; a laptop of the office found
 * with the same 本机编号 is remembered, so 交办记录 can say so until one of them changes.
 */

export { IssuedSheetSchema, ReceiptSchema, DeviceSeriesSchema, seriesOf, type IssuedSheet, type Receipt } from '../../domain/issued-sheet';

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
const RESERVATION_HOURS = 12;

export const ISSUED_SHEETS_KEY = 'print.issuedSheets';
const PRINT_SETTINGS_KEY = 'print.settings';
const RESERVED_SHEETS_KEY = 'print.reservedSheets';
/** This laptop's 本机编号: local, never in a bundle's settings (the register carries it). */
const DEVICE_SERIES_KEY = 'print.deviceSeries';
/** The other laptops of this office whose registers were merged here: their device id and 本机编号. */
const REGISTER_PEERS_KEY = 'print.registerPeers';

const RegisterPeerSchema = z
  .object({ deviceId: z.string().min(1), series: DeviceSeriesSchema, mergedAt: z.string() })
  .strict();
export type RegisterPeer = z.infer<typeof RegisterPeerSchema>;
const RegisterPeersSchema = z.array(RegisterPeerSchema);

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

/** The next running number of a kind and year in one laptop series: other laptops' numbers do not move it. */
function nextSeq(register: readonly IssuedSheet[], kind: NumberedKind, year: number, series: number): number {
  return register.filter((s) => s.kind === kind && s.year === year && seriesOf(s) === series).reduce((max, s) => Math.max(max, s.seq), 0) + 1;
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

  /** This laptop's 本机编号 (1 until the clerk sets another in 设置 → 本机). */
  async series(): Promise<number> {
    return readSeries(this.storage);
  }

  async saveSeries(series: number): Promise<void> {
    const checked = DeviceSeriesSchema.safeParse(series);
    if (!checked.success) throw new IssuedSheetError(`本机编号不正确：${checked.error.issues[0]?.message ?? String(series)}`);
    await this.storage.transaction((tx) => writeSetting(tx, DEVICE_SERIES_KEY, checked.data));
  }

  /** Other laptops of this office, merged here, that have the same 本机编号 as this one now. */
  async sameSeriesPeers(): Promise<RegisterPeer[]> {
    const series = await this.series();
    return (await readPeers(this.storage)).filter((p) => p.series === series);
  }

  /** Numbers that stand on two different sheets (laptops that numbered alike while apart). */
  async clashes(): Promise<NumberClash[]> {
    return clashesIn(await this.list());
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
    return numbersFor([...(await this.list()), ...reserved], kind, year, count, pattern, await this.series()).map((n) => n.number);
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
   * Issues the numbers of some of a job's sheets (交办单 or 督办单) only if they really went out:
   * reserved, handed to `output`, confirmed when it returns a result (issueOnOutput). The app's
   * dialog and `zwc print` both come here.
   */
  issueJob<T>(job: SheetJob, items: readonly SheetCandidate[], output: (reserved: readonly IssuedSheet[]) => Promise<T | null>): Promise<{ issued: IssuedSheet[]; result: T } | null> {
    const sheets = items.map((item): SheetToIssue => ({ departmentId: item.departmentId, departmentName: item.name, taskIds: item.taskIds, projectIds: item.projectIds, ...(job.kind === 'supervision' ? { answerBy: job.answerBy } : {}) }));
    return issueOnOutput(this, { kind: job.kind, sheets, issuedOn: job.day, pattern: job.settings.patterns[job.kind] }, output);
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
      const series = await readSeries(tx);
      const numbers = numbersFor([...register, ...reserved.flatMap((r) => r.sheets)], kind, year, sheets.length, pattern, series);
      const reservation: Reservation = {
        token,
        reservedAt: recordedAt,
        sheets: sheets.map((s, i) =>
          IssuedSheetSchema.parse({
            number: numbers[i].number,
            kind,
            year,
            seq: numbers[i].seq,
            ...(series > 1 ? { series } : {}),
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
  async recordReceipt(number: string, receivedOn: string, signer: string, departmentId?: string): Promise<IssuedSheet> {
    if (!IsoDateSchema.safeParse(receivedOn).success) throw new IssuedSheetError(`签收日期不正确：${receivedOn}`);
    return this.update(number, (s) => {
      if (receivedOn < s.issuedOn) throw new IssuedSheetError(`签收日期不能早于交办日期（${s.issuedOn}）`);
      return { ...s, receipt: { receivedOn, signer: signer.trim().slice(0, 40), recordedAt: this.now().toISOString() } };
    }, departmentId);
  }

  /** Takes back a receipt recorded by mistake. The sheet and its number stay. */
  clearReceipt(number: string, departmentId?: string): Promise<IssuedSheet> {
    return this.update(number, (s) => ({ ...s, receipt: null }), departmentId);
  }

  private update(number: string, change: (s: IssuedSheet) => IssuedSheet, departmentId?: string): Promise<IssuedSheet> {
    return this.storage.transaction(async (tx) => {
      const register = await readRegister(tx);
      // Two sheets can share a number after a clash; the department tells them apart.
      const at = register.findIndex((s) => s.number === number && (departmentId === undefined || s.departmentId === departmentId));
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

async function readSeries(storage: StorageReader): Promise<number> {
  return (await readSetting(storage, DEVICE_SERIES_KEY, DeviceSeriesSchema)) ?? 1;
}

async function readPeers(storage: StorageReader): Promise<RegisterPeer[]> {
  return (await readSetting(storage, REGISTER_PEERS_KEY, RegisterPeersSchema)) ?? [];
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
function numbersFor(register: readonly IssuedSheet[], kind: NumberedKind, year: number, count: number, pattern: string, series: number): { number: string; seq: number }[] {
  const taken = new Set(register.map((s) => s.number));
  const out: { number: string; seq: number }[] = [];
  let seq = nextSeq(register, kind, year, series);
  while (out.length < count) {
    const number = formatSheetNumber(pattern, year, seq, series);
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

/** A sheet's number: the one it was issued before, else the one just reserved for it; '' for neither. */
export function numberFrom(reserved: readonly IssuedSheet[], before: ReadonlyMap<string, string> = new Map()): (item: { departmentId: string }) => string {
  return (item) => before.get(item.departmentId) ?? reserved.find((r) => r.departmentId === item.departmentId)?.number ?? '';
}

/** Two different sheets that carry the same number (two laptops numbered while apart). */
export interface NumberClash {
  number: string;
  sheets: IssuedSheet[];
}

/**
 * The register of two laptops of one office merged (the importer calls it through
 * mergeIncomingRegister, in the import's transaction). A sheet known to both is kept once — the
 * same number, kind, department and day — with the receipt recorded later winning; every other
 * sheet is kept. Sheets that share a number but are not the same sheet are all kept and reported
 * as clashes, never dropped: they were printed and sent. Numbering afterwards continues after the
 * highest number either laptop knew in this laptop's series (numbersFor), so the clash cannot grow.
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
  return { register: out, clashes: clashesIn(out) };
}

/** Numbers that stand on more than one sheet of the register, each with all its sheets. */
export function clashesIn(register: readonly IssuedSheet[]): NumberClash[] {
  const byNumber = new Map<string, IssuedSheet[]>();
  for (const s of register) byNumber.set(s.number, [...(byNumber.get(s.number) ?? []), s]);
  return [...byNumber.entries()].filter(([, list]) => list.length > 1).map(([number, sheets]) => ({ number, sheets }));
}

/**
 * What this office's bundle carries of the register: the sheets of this office (the department
 * is the office's own), and this laptop's 本机编号.
 */
export async function registerForExport(storage: StorageReader, officeCode: string): Promise<{ officeCode: string; series: number; sheets: IssuedSheet[] }> {
  const prefix = `${officeCode}-`;
  const own = (id: string) => id.length > prefix.length && id.startsWith(prefix);
  const sheets = (await readRegister(storage)).filter((s) => own(s.departmentId) && s.taskIds.every(own) && s.projectIds.every(own));
  return { officeCode, series: await readSeries(storage), sheets };
}

/** What merging a bundle's register would do here: new sheets, numbers on two sheets, the same 本机编号. */
export interface RegisterMergePreview {
  added: number;
  receipts: number;
  clashes: NumberClash[];
  /** The sending laptop's 本机编号, when it is this laptop's too (and it is another laptop). */
  sameSeries: number | null;
}

const sheetKey = (s: IssuedSheet) => JSON.stringify([s.number, s.kind, s.departmentId, s.issuedOn]);

function previewOf(local: readonly IssuedSheet[], merged: { register: IssuedSheet[]; clashes: NumberClash[] }, sameSeries: number | null): RegisterMergePreview {
  const before = new Map(local.map((s) => [sheetKey(s), s]));
  const clashedBefore = new Set(clashesIn(local).map((c) => c.number));
  const known = merged.register.map((s) => ({ s, was: before.get(sheetKey(s)) }));
  return {
    added: known.filter((k) => !k.was).length,
    receipts: known.filter((k) => k.was && k.s.receipt?.recordedAt !== k.was.receipt?.recordedAt).length,
    clashes: merged.clashes.filter((c) => !clashedBefore.has(c.number)),
    sameSeries,
  };
}

/** The preview of merging another laptop's register, without writing anything. */
export async function previewIncomingRegister(storage: StorageReader, incoming: { series: number; sheets: readonly IssuedSheet[] }, fromDevice: string, ownDevice: string): Promise<RegisterMergePreview> {
  const local = await readRegister(storage);
  const series = await readSeries(storage);
  return previewOf(local, mergeRegisters(local, incoming.sheets), fromDevice !== ownDevice && incoming.series === series ? series : null);
}

/**
 * Merges another laptop's register into this one's, inside the import's transaction, and notes
 * that laptop's 本机编号 (交办记录 warns while two laptops share one).
 */
export async function mergeIncomingRegister(
  tx: StorageWriter,
  incoming: { series: number; sheets: readonly IssuedSheet[] },
  fromDevice: string,
  ownDevice: string,
  now: Date,
): Promise<RegisterMergePreview> {
  const local = await readRegister(tx);
  const series = await readSeries(tx);
  const merged = mergeRegisters(local, incoming.sheets);
  await writeSetting(tx, ISSUED_SHEETS_KEY, merged.register);
  if (fromDevice !== ownDevice) {
    const peers = (await readPeers(tx)).filter((p) => p.deviceId !== fromDevice);
    await writeSetting(tx, REGISTER_PEERS_KEY, [...peers, { deviceId: fromDevice, series: incoming.series, mergedAt: now.toISOString() }]);
  }
  return previewOf(local, merged, fromDevice !== ownDevice && incoming.series === series ? series : null);
}
