import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueOnOutput, IssuedSheetError, IssuedSheets, ISSUED_SHEETS_KEY, mergeRegisters, numberFrom } from '../../../shared/app/printing/issued-sheets';
import { openWorkspace } from '../../../shared/app/workspace';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { scopeToPlan } from '../../../shared/views/plan-scope';
import { buildDocument } from '../../../shared/print/documents';
import { sheetJob, sheetRequest } from '../../../shared/print/sheet-job';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { defaultPrintSettings, formatSheetNumber } from '../../../shared/print/sheet-number';

const office = { name: '伊金霍洛旗', shortName: '伊旗' };
const pattern = defaultPrintSettings(office).patterns.assignment;
const sheet = (departmentId: string, name = departmentId) => ({ departmentId, departmentName: name, taskIds: ['t1'], projectIds: [] });

describe('issued sheets register', () => {
  it('numbers sheets one after another within a kind and a year, and records them', async () => {
    const reg = new IssuedSheets(new MemoryStorage(), () => new Date('2026-11-05T01:00:00Z'));
    expect(await reg.peekNumbers('assignment', 2026, 2, pattern)).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号']);
    const first = await reg.issue('assignment', [sheet('a', '旗生态环境局'), sheet('b')], '2026-11-05', pattern);
    expect(first.map((s) => s.number)).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号']);
    expect(first[0]).toMatchObject({ kind: 'assignment', year: 2026, seq: 1, departmentName: '旗生态环境局', issuedOn: '2026-11-05', taskIds: ['t1'], receipt: null });
    const next = await reg.issue('assignment', [sheet('a')], '2026-12-01', pattern);
    expect(next[0].number).toBe('伊无废交〔2026〕3号');
    // 督办单 run separately; a new year starts at 1.
    expect((await reg.issue('supervision', [sheet('a')], '2026-12-01', defaultPrintSettings(office).patterns.supervision))[0].number).toBe('伊无废督〔2026〕1号');
    expect((await reg.issue('assignment', [sheet('a')], '2027-01-04', pattern))[0].number).toBe('伊无废交〔2027〕1号');
    expect((await reg.list()).map((s) => s.number)).toHaveLength(5);
    expect((await reg.find('伊无废交〔2026〕1号'))?.departmentId).toBe('a');
  });

  it('never gives a number twice, even when the pattern changes or has no year', async () => {
    const reg = new IssuedSheets(new MemoryStorage());
    await reg.issue('assignment', [sheet('a'), sheet('b')], '2026-11-05', '交{n}号');
    // Next year the yearless pattern would restart at 1: those numbers are taken, so it runs on.
    const later = await reg.issue('assignment', [sheet('c')], '2027-01-04', '交{n}号');
    expect(later[0].number).toBe('交3号');
    const all = (await reg.list()).map((s) => s.number);
    expect(new Set(all).size).toBe(all.length);
  });

  it('hands out distinct numbers to issues made at the same time (two windows)', async () => {
    const storage = new MemoryStorage();
    const a = new IssuedSheets(storage);
    const b = new IssuedSheets(storage);
    const results = await Promise.all([a.issue('assignment', [sheet('x'), sheet('y')], '2026-11-05', pattern), b.issue('assignment', [sheet('z')], '2026-11-05', pattern)]);
    const numbers = results.flat().map((s) => s.number).sort();
    expect(numbers).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号', '伊无废交〔2026〕3号']);
  });

  it('records the receipt coming back, and can take it back', async () => {
    const reg = new IssuedSheets(new MemoryStorage(), () => new Date('2026-11-08T01:00:00Z'));
    const [s] = await reg.issue('assignment', [sheet('a')], '2026-11-05', pattern);
    const received = await reg.recordReceipt(s.number, '2026-11-07', ' 王明 ');
    expect(received.receipt).toEqual({ receivedOn: '2026-11-07', signer: '王明', recordedAt: '2026-11-08T01:00:00.000Z' });
    expect((await reg.find(s.number))?.receipt?.signer).toBe('王明');
    await expect(reg.recordReceipt(s.number, '2026-11-01', '王明')).rejects.toThrow('签收日期不能早于交办日期');
    await expect(reg.recordReceipt('伊无废交〔2026〕99号', '2026-11-07', '')).rejects.toBeInstanceOf(IssuedSheetError);
    expect((await reg.clearReceipt(s.number)).receipt).toBeNull();
    expect(await reg.list()).toHaveLength(1);
  });

  it('refuses a bad date or pattern and writes nothing', async () => {
    const storage = new MemoryStorage();
    const reg = new IssuedSheets(storage);
    await expect(reg.issue('assignment', [sheet('a')], '2026-13-01', pattern)).rejects.toThrow('交办日期不正确');
    await expect(reg.issue('assignment', [sheet('a')], '2026-11-05', '伊无废交〔{year}〕号')).rejects.toThrow('{n}');
    expect(await storage.get('settings', ISSUED_SHEETS_KEY)).toBeUndefined();
  });

  it('keeps print settings, with defaults from the office until saved', async () => {
    const reg = new IssuedSheets(new MemoryStorage());
    const defaults = await reg.settings(office);
    expect(defaults.issuer).toBe('伊金霍洛旗“无废城市”建设工作领导小组办公室');
    await reg.saveSettings({ ...defaults, contact: '李华', phone: '0477-8612345' });
    expect((await reg.settings(office)).contact).toBe('李华');
    await expect(reg.saveSettings({ ...defaults, patterns: { ...defaults.patterns, assignment: 'no number' } })).rejects.toThrow('打印设置不正确');
  });

  it('says so when the stored register is damaged instead of guessing', async () => {
    const storage = new MemoryStorage();
    await storage.transaction((tx) => tx.bulkPut('settings', [{ key: ISSUED_SHEETS_KEY, value: [{ number: 1 }] }]));
    await expect(new IssuedSheets(storage).list()).rejects.toThrow(/本机设置 print.issuedSheets 已损坏/);
  });
});

describe('a number is issued only when the sheet really left', () => {
  it('reserves numbers for the sheets being printed; a cancelled print gives them back', async () => {
    const storage = new MemoryStorage();
    const reg = new IssuedSheets(storage, () => new Date('2026-11-05T01:00:00Z'));
    const held = await reg.reserve('assignment', [sheet('a'), sheet('b')], '2026-11-05', pattern);
    expect(held?.sheets.map((s) => s.number)).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号']);
    // Nothing is issued yet, but another window cannot take the numbers meanwhile.
    expect(await reg.list()).toEqual([]);
    expect(await reg.peekNumbers('assignment', 2026, 1, pattern)).toEqual(['伊无废交〔2026〕3号']);
    await reg.release(held!.token);
    expect(await reg.list()).toEqual([]);
    // Cancelled: the next sheet gets number 1 again.
    expect((await reg.issue('assignment', [sheet('c')], '2026-11-05', pattern))[0].number).toBe('伊无废交〔2026〕1号');
  });

  it('issues the reserved numbers once the file is saved or the print confirmed', async () => {
    const reg = new IssuedSheets(new MemoryStorage(), () => new Date('2026-11-05T01:00:00Z'));
    const held = await reg.reserve('supervision', [sheet('a')], '2026-11-05', defaultPrintSettings(office).patterns.supervision);
    const issued = await reg.confirm(held!.token);
    expect(issued.map((s) => s.number)).toEqual(['伊无废督〔2026〕1号']);
    expect((await reg.list()).map((s) => s.number)).toEqual(['伊无废督〔2026〕1号']);
    // Confirming twice issues nothing more.
    await expect(reg.confirm(held!.token)).rejects.toThrow('编号预留已失效');
    expect(await reg.list()).toHaveLength(1);
  });

  it('a reservation left behind (a crash) lapses after a while; confirming it later still works if its numbers are free', async () => {
    let now = new Date('2026-11-05T01:00:00Z');
    const reg = new IssuedSheets(new MemoryStorage(), () => now);
    const held = await reg.reserve('assignment', [sheet('a')], '2026-11-05', pattern);
    now = new Date('2026-11-06T01:00:00Z');
    expect(await reg.peekNumbers('assignment', 2026, 1, pattern)).toEqual(['伊无废交〔2026〕1号']);
    expect((await reg.confirm(held!.token))[0].number).toBe('伊无废交〔2026〕1号');
    // A lapsed reservation whose number went to another sheet meanwhile is refused, not doubled.
    const stale = await reg.reserve('assignment', [sheet('b')], '2026-11-06', pattern);
    now = new Date('2026-11-07T01:00:00Z');
    await reg.issue('assignment', [sheet('c')], '2026-11-07', pattern);
    await expect(reg.confirm(stale!.token)).rejects.toThrow('编号预留已失效');
    const numbers = (await reg.list()).map((s) => s.number);
    expect(numbers).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号']);
  });
});

describe('issueOnOutput', () => {
  const request = { kind: 'assignment' as const, sheets: [sheet('a'), sheet('b')], issuedOn: '2026-11-05', pattern };

  it('prints with the reserved numbers and issues them when the file was written', async () => {
    const reg = new IssuedSheets(new MemoryStorage());
    const done = await issueOnOutput(reg, request, async (reserved) => reserved.map((s) => `${s.departmentId}:${s.number}`));
    expect(done?.result).toEqual(['a:伊无废交〔2026〕1号', 'b:伊无废交〔2026〕2号']);
    expect((await reg.list()).map((s) => s.number)).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号']);
  });

  it('uses no number when the dialog was cancelled or the clerk says it was not printed', async () => {
    const reg = new IssuedSheets(new MemoryStorage());
    let shown: string[] = [];
    expect(
      await issueOnOutput(reg, request, async (reserved) => {
        shown = reserved.map((s) => s.number);
        return null;
      }),
    ).toBeNull();
    expect(shown).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号']);
    expect(await reg.list()).toEqual([]);
    expect(await reg.peekNumbers('assignment', 2026, 1, pattern)).toEqual(['伊无废交〔2026〕1号']);
  });

  it('uses no number when saving fails', async () => {
    const reg = new IssuedSheets(new MemoryStorage());
    await expect(
      issueOnOutput(reg, request, async () => {
        throw new Error('磁盘已满');
      }),
    ).rejects.toThrow('磁盘已满');
    expect(await reg.list()).toEqual([]);
    expect((await reg.issue('assignment', [sheet('c')], '2026-11-05', pattern))[0].number).toBe('伊无废交〔2026〕1号');
  });
});

describe('two laptops of one office: mergeRegisters', () => {
  it('keeps a sheet both laptops know once, takes the later receipt, and numbers on after the highest either knew', async () => {
    const a = new IssuedSheets(new MemoryStorage(), () => new Date('2026-11-05T01:00:00Z'));
    const [one, two] = await a.issue('assignment', [sheet('x'), sheet('y')], '2026-11-05', pattern);
    const withReceipt = { ...one, receipt: { receivedOn: '2026-11-07', signer: '王明', recordedAt: '2026-11-07T02:00:00.000Z' } };
    const merged = mergeRegisters([one, two], [withReceipt, two]);
    expect(merged.register.map((s) => s.number)).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2号']);
    expect(merged.register[0].receipt?.signer).toBe('王明');
    expect(merged.clashes).toEqual([]);
    // Merging again changes nothing.
    expect(mergeRegisters(merged.register, [withReceipt, two]).register).toEqual(merged.register);
    // A laptop holding the merged register continues after the highest number.
    const storage = new MemoryStorage();
    await storage.transaction((tx) => tx.bulkPut('settings', [{ key: ISSUED_SHEETS_KEY, value: merged.register }]));
    expect(await new IssuedSheets(storage).peekNumbers('assignment', 2026, 1, pattern)).toEqual(['伊无废交〔2026〕3号']);
  });

  it('never drops a sheet: two different sheets numbered alike on two laptops are both kept and named as a clash', async () => {
    const a = await new IssuedSheets(new MemoryStorage(), () => new Date('2026-11-05T01:00:00Z')).issue('assignment', [sheet('x')], '2026-11-05', pattern);
    const b = await new IssuedSheets(new MemoryStorage(), () => new Date('2026-11-06T01:00:00Z')).issue('assignment', [sheet('z')], '2026-11-06', pattern);
    const { register, clashes } = mergeRegisters(a, b);
    expect(register.map((s) => s.departmentId)).toEqual(['x', 'z']);
    expect(clashes).toEqual([{ number: '伊无废交〔2026〕1号', sheets: register }]);
  });
});

describe('本机编号: laptops of one office that number while apart', () => {
  it('numbers laptop k ≥ 2 as "k-n", counting n in its own series, and refuses a bad 本机编号', async () => {
    const storage = new MemoryStorage();
    const reg = new IssuedSheets(storage);
    expect(await reg.series()).toBe(1);
    await reg.issue('assignment', [sheet('a')], '2026-11-05', pattern);
    await reg.saveSeries(2);
    expect(await reg.series()).toBe(2);
    const issued = await reg.issue('assignment', [sheet('b'), sheet('c')], '2026-11-05', pattern);
    expect(issued.map((s) => [s.number, s.seq, s.series])).toEqual([
      ['伊无废交〔2026〕2-1号', 1, 2],
      ['伊无废交〔2026〕2-2号', 2, 2],
    ]);
    await expect(reg.saveSeries(0)).rejects.toThrow('本机编号应为 1—99 的整数');
    await expect(reg.saveSeries(1.5)).rejects.toThrow('本机编号不正确');
    expect(await reg.series()).toBe(2);
  });

  it('two laptops with different 本机编号 never give the same number, however much each issues (property)', async () => {
    const kind = fc.constantFrom('assignment' as const, 'supervision' as const);
    const issue = fc.record({ kind, month: fc.integer({ min: 1, max: 12 }), year: fc.integer({ min: 2025, max: 2027 }), count: fc.integer({ min: 1, max: 3 }) });
    const prefix = fc.constantFrom('伊', '鄂', '昆', '准');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 2 }), fc.array(issue, { maxLength: 6 }), fc.array(issue, { maxLength: 6 }), prefix, async ([k1, k2], one, two, p) => {
        const patterns = defaultPrintSettings({ name: `${p}旗`, shortName: `${p}旗` }).patterns;
        const laptop = async (series: number, issues: typeof one) => {
          const reg = new IssuedSheets(new MemoryStorage());
          await reg.saveSeries(series);
          for (const i of issues) {
            await reg.issue(i.kind, Array.from({ length: i.count }, (_, n) => sheet(`d${n}`)), `${i.year}-${String(i.month).padStart(2, '0')}-01`, patterns[i.kind]);
          }
          return reg.list();
        };
        const a = await laptop(k1, one);
        const b = await laptop(k2, two);
        const numbersOfA = new Set(a.map((s) => s.number));
        expect(b.filter((s) => numbersOfA.has(s.number))).toEqual([]);
        expect(mergeRegisters(a, b).clashes).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('the running part keeps any two series apart for any pattern with a four-digit year (property)', () => {
    const patternText = fc
      .tuple(fc.string({ maxLength: 6 }), fc.constantFrom('', '{year}'), fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }))
      .map(([a, y, b, c]) => `${a}${y}${b}{n}${c}`);
    fc.assert(
      fc.property(patternText, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (pat, year, k1, k2, n1, n2) => {
        fc.pre(k1 !== k2);
        expect(formatSheetNumber(pat, year, n1, k1)).not.toBe(formatSheetNumber(pat, year, n2, k2));
      }),
    );
  });
});

describe('issuing a job of numbered sheets: the dialog and zwc print through one service', () => {
  const seed = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150627-yijinhuoluo.json'), 'utf8')));

  async function opened() {
    const ws = await openWorkspace(new MemoryStorage(), { now: () => Date.parse('2030-01-10T02:00:00Z') });
    await ws.setup.load(seed);
    const all = await ws.records.readPlan('150627');
    return { ws, plan: scopeToPlan(all, all.office.currentPlanId) };
  }

  it.each(['assignment', 'supervision'] as const)('numbers a %s job’s sheets and prints each with its number', async (kind) => {
    const { ws, plan } = await opened();
    const settings = await ws.sheets.settings(plan.office);
    const job = sheetJob(plan, kind, '2030-01-10', settings);
    expect(job.items.length).toBeGreaterThan(1);
    const done = await ws.sheets.issueJob(job, job.items.slice(0, 2), async (reserved) => buildDocument(plan, sheetRequest(job, job.items.slice(0, 2), numberFrom(reserved)), settings));
    const prefix = kind === 'assignment' ? '伊无废交〔2030〕' : '伊无废督〔2030〕';
    expect(done?.issued.map((s) => s.number)).toEqual([`${prefix}1号`, `${prefix}2号`]);
    expect(done?.issued.map((s) => s.departmentId)).toEqual(job.items.slice(0, 2).map((i) => i.departmentId));
    expect(done?.issued[0].answerBy).toBe(kind === 'supervision' ? job.answerBy : undefined);
    expect(done?.result.sheets.map((s) => s.number)).toEqual([`${prefix}1号`, `${prefix}2号`]);
    expect((await ws.sheets.list()).length).toBe(2);
  });

  it('a cancelled job uses no number; sheets numbered before keep theirs in a later print', async () => {
    const { ws, plan } = await opened();
    const job = sheetJob(plan, 'assignment', '2030-01-10', await ws.sheets.settings(plan.office), { departmentIds: [] });
    expect(job.items).toEqual([]);
    const full = sheetJob(plan, 'assignment', '2030-01-10', await ws.sheets.settings(plan.office));
    expect(await ws.sheets.issueJob(full, full.items, async () => null)).toBeNull();
    expect(await ws.sheets.list()).toEqual([]);
    const first = await ws.sheets.issueJob(full, full.items.slice(0, 1), async () => true);
    const before = new Map(first!.issued.map((s) => [s.departmentId, s.number] as const));
    const next = await ws.sheets.issueJob(full, full.items.slice(1, 2), async (reserved) => full.items.slice(0, 2).map(numberFrom(reserved, before)));
    expect(next?.result).toEqual(['伊无废交〔2030〕1号', '伊无废交〔2030〕2号']);
  });
});
