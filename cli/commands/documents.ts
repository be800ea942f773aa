import { DocumentError, DocumentService, type DocumentOptions, type MadeDocument } from '../../shared/app/documents/documents';
import type { DocumentKind } from '../../shared/documents/model';
import type { Workspace } from '../../shared/app/workspace';
import type { Options } from '../args';
import { dirOf, type Command, type CommandContext } from '../command';
import { InputError, UsageError } from '../errors';
import type { CliIo } from '../io';
import { writeOutput } from '../io';
import { openOffice } from '../workspace-dir';
import { periodOption } from './exchange';

/**
 * `zwc --workspace DIR doc KIND …`: the Word documents the app makes (工作简报, 通报, 年度总结,
 * 终期评估报告, 全市简报), thin calls into the core's DocumentService; the file is named as the
 * app names it unless --out is given.
 */

async function make<K extends DocumentKind>(ctx: CommandContext, kind: K, options: (ws: Workspace, docs: DocumentService, args: Options, io: CliIo) => Promise<DocumentOptions[K]>): Promise<void> {
  const { args, io } = ctx;
  const { ws } = await openOffice(dirOf(ctx), io);
  const docs = new DocumentService(ws, () => io.now());
  let made: MadeDocument;
  try {
    made = await docs.make(kind, await options(ws, docs, args, io));
  } catch (e) {
    if (e instanceof DocumentError) throw new InputError(e.message);
    throw e;
  }
  const out = args.get('out') ?? made.fileName;
  await writeOutput(io, out, made.bytes);
  io.stdout(`已生成 / written: ${out}（${made.model.title.replace(/\n/g, '')}）\n`);
}

const numberOption = (args: Options): number | undefined => {
  const v = args.get('number');
  if (v === undefined) return undefined;
  if (!/^\d{1,3}$/.test(v) || Number(v) < 1) throw new UsageError(`--number 应为期号 1–999 / --number must be 1–999: ${v}`);
  return Number(v);
};

const briefing: Command = {
  name: 'doc briefing',
  summary: '工作简报（Word）：本月数据、各领域进展、存在问题、下月安排 / the monthly briefing as .docx',
  usage: '[--month 2026-11] [--number 11] [--out 简报.docx]',
  details: '  期号按年连续编排，同一月份再次生成沿用原期号；--number 指定期号 / numbered per year, kept per month\n',
  workspace: 'required',
  options: { month: { type: 'string' }, number: { type: 'string' }, out: { type: 'string' } },
  run: (ctx) =>
    make(ctx, 'briefing', async (_ws, _docs, args, io) => {
      const number = numberOption(args);
      return { period: periodOption(args, io, 'month'), ...(number ? { number } : {}) };
    }),
};

const notice: Command = {
  name: 'doc notice',
  summary: '通报（Word）：所选单位未报送的进展和逾期任务 / a 通报 of the units named',
  usage: '--units 旗生态环境局,旗住建局 [--month 2026-11] [--out 通报.docx]',
  details: '  不给 --units 时列出本月可通报的单位及其情况 / without --units, lists the units that could be named\n',
  workspace: 'required',
  options: { month: { type: 'string' }, units: { type: 'string', multiple: true }, out: { type: 'string' } },
  run: (ctx) =>
    make(ctx, 'notice', async (_ws, docs, args, io) => {
      const period = periodOption(args, io, 'month');
      const lagging = await docs.laggingUnits(period);
      const names = args.all('units').flatMap((u) => u.split(/[,，、]/)).map((u) => u.trim()).filter(Boolean);
      if (!names.length) {
        const list = lagging.map((u) => `  ${u.name}：未报送 ${u.missing.length} 项，逾期任务 ${u.overdue.length} 项`).join('\n');
        throw new UsageError(`请用 --units 指定要通报的单位。可通报的单位：\n${list || '  （无）'}`);
      }
      const unitIds = names.map((n) => {
        const u = lagging.find((x) => x.name === n || x.departmentId === n);
        if (!u) throw new InputError(`“${n}”本月没有未报送的进展或逾期任务，不能通报（可通报：${lagging.map((x) => x.name).join('、') || '无'}）`);
        return u.departmentId;
      });
      return { period, unitIds };
    }),
};

const annual: Command = {
  name: 'doc annual',
  summary: '年度总结（Word）：指标、任务、项目的年度情况 / the yearly summary',
  usage: '--year 2025 [--out 总结.docx]',
  workspace: 'required',
  options: { year: { type: 'string' }, out: { type: 'string' } },
  run: (ctx) =>
    make(ctx, 'annual', async (_ws, _docs, args) => {
      const year = args.need('year', '年份');
      if (!/^\d{4}$/.test(year)) throw new UsageError(`--year 应为四位年份 / --year must be a year: ${year}`);
      return { year: Number(year) };
    }),
};

const final: Command = {
  name: 'doc final',
  summary: '终期评估报告（Word）：已结束方案期的终期评估 / the final assessment report of a closed plan',
  usage: '--period 方案期编号 [--out 评估报告.docx]',
  details: '  方案期编号见 zwc plan list / plan ids: zwc plan list\n',
  workspace: 'required',
  options: { period: { type: 'string' }, out: { type: 'string' } },
  run: (ctx) => make(ctx, 'final', async (_ws, _docs, args) => ({ planId: args.need('period', '方案期编号') })),
};

const cityBriefing: Command = {
  name: 'doc city-briefing',
  summary: '全市工作简报（Word，市级）：各旗区报送情况和进展 / the city’s briefing over its county offices',
  usage: '[--month 2026-11] [--number 11] [--out 简报.docx]',
  workspace: 'required',
  options: { month: { type: 'string' }, number: { type: 'string' }, out: { type: 'string' } },
  run: (ctx) =>
    make(ctx, 'city-briefing', async (_ws, _docs, args, io) => {
      const number = numberOption(args);
      return { period: periodOption(args, io, 'month'), ...(number ? { number } : {}) };
    }),
};

export const DOCUMENT_COMMANDS: readonly Command[] = [briefing, notice, annual, final, cityBriefing];
