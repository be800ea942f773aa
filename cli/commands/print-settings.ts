import { NUMBERED_KIND_LABELS, type NumberedKind, type PrintSettings } from '../../shared/print/sheet-number';
import { chinaToday } from '../../shared/domain/time';
import { dirOf, type Command } from '../command';
import { UsageError } from '../errors';
import { openOffice } from '../workspace-dir';

/**
 * What the print dialog and 设置 → 本机 edit for the numbered sheets, on the command line, through
 * the same register (ws.sheets): the number patterns of 交办单 and 督办单, this laptop's 本机编号,
 * and the issuer and contact printed on them. Shown when nothing is given.
 */

const KINDS = Object.keys(NUMBERED_KIND_LABELS) as NumberedKind[];

export const printNumbering: Command = {
  name: 'print numbering',
  summary: '交办单、督办单的编号格式与本机编号（与打印对话框、设置共用）/ sheet number patterns and this laptop’s series',
  usage: '[--kind assignment|supervision --pattern 伊无废交〔{year}〕{n}号] [--series 2]',
  details: '  {year} 为年份，{n} 为当年序号；不带参数则显示现行格式和下一个编号 / {year} the year, {n} the running number; no options: show them\n',
  workspace: 'required',
  options: { kind: { type: 'string' }, pattern: { type: 'string' }, series: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const pattern = args.get('pattern');
    if (pattern !== undefined && !args.has('kind')) throw new UsageError('--pattern 需与 --kind assignment|supervision 一起使用 / give --kind with --pattern');
    const kind = args.has('kind') ? args.oneOf('kind', KINDS, 'assignment') : undefined;
    if (kind && pattern === undefined) throw new UsageError('缺少 --pattern / missing --pattern');
    const seriesText = args.get('series');
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const plan = await ws.records.readPlan(settings.officeCode);
    const current = await ws.sheets.settings(plan.office);
    if (kind && pattern !== undefined) await ws.sheets.saveSettings({ ...current, patterns: { ...current.patterns, [kind]: pattern } });
    if (seriesText !== undefined) {
      if (!/^\d+$/.test(seriesText)) throw new UsageError(`--series 应为正整数：${seriesText}`);
      await ws.sheets.saveSeries(Number(seriesText));
    }
    const saved = await ws.sheets.settings(plan.office);
    const year = Number(chinaToday(io.now()).slice(0, 4));
    io.stdout(`本机编号 / series: ${await ws.sheets.series()}\n`);
    for (const k of KINDS) {
      const [next] = await ws.sheets.peekNumbers(k, year, 1, saved.patterns[k]);
      io.stdout(`${NUMBERED_KIND_LABELS[k]}\t${saved.patterns[k]}\t下一个 / next: ${next}\n`);
    }
  },
};

const METHODS: Record<string, PrintSettings['reportMethod']> = { 填报表: 'form', 纸质: 'sheet', 均可: 'either', form: 'form', sheet: 'sheet', either: 'either' };

const METHOD_WORDS: Record<PrintSettings['reportMethod'], string> = { form: '填报表', sheet: '纸质', either: '均可' };

export const printSettings: Command = {
  name: 'print settings',
  summary: '打印设置：发文机关、简称、联系人、电话、报送方式、督办答复天数（与打印对话框共用）/ what the sheets print',
  usage: '[--issuer 发文机关] [--issuer-short 简称] [--contact 联系人] [--phone 电话] [--report-method 填报表|纸质|均可] [--answer-days 10]',
  workspace: 'required',
  options: { issuer: { type: 'string' }, 'issuer-short': { type: 'string' }, contact: { type: 'string' }, phone: { type: 'string' }, 'report-method': { type: 'string' }, 'answer-days': { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const method = args.get('report-method');
    if (method !== undefined && !(method in METHODS)) throw new UsageError(`--report-method 应为 填报表、纸质 或 均可：${method}`);
    const days = args.get('answer-days');
    if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError(`--answer-days 应为天数：${days}`);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const plan = await ws.records.readPlan(settings.officeCode);
    const current = await ws.sheets.settings(plan.office);
    const next: PrintSettings = {
      ...current,
      ...(args.has('issuer') ? { issuer: args.get('issuer') ?? '' } : {}),
      ...(args.has('issuer-short') ? { issuerShort: args.get('issuer-short') ?? '' } : {}),
      ...(args.has('contact') ? { contact: args.get('contact') ?? '' } : {}),
      ...(args.has('phone') ? { phone: args.get('phone') ?? '' } : {}),
      ...(method !== undefined ? { reportMethod: METHODS[method] } : {}),
      ...(days !== undefined ? { answerDays: Number(days) } : {}),
    };
    if (JSON.stringify(next) !== JSON.stringify(current)) await ws.sheets.saveSettings(next);
    const s = await ws.sheets.settings(plan.office);
    io.stdout(`发文机关\t${s.issuer}\n简称\t${s.issuerShort}\n联系人\t${s.contact || '—'}\n电话\t${s.phone || '—'}\n报送方式\t${METHOD_WORDS[s.reportMethod]}\n督办答复天数\t${s.answerDays}\n`);
  },
};

export const PRINT_SETTINGS_COMMANDS: readonly Command[] = [printNumbering, printSettings];
