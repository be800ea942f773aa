import { numberFrom } from '../../shared/app/printing/issued-sheets';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { buildDocument, combinedDocument, perDepartmentDocuments, type PrintRequest } from '../../shared/print/documents';
import { renderDocumentHtml } from '../../shared/print/html';
import { RECIPIENT_SCOPE_LABELS } from '../../shared/print/assignment-sheet';
import { collectivesNote, sheetCandidates } from '../../shared/print/sheet-candidates';
import { sheetJob, sheetRequest } from '../../shared/print/sheet-job';
import { NUMBERED_KIND_LABELS, type NumberedKind } from '../../shared/print/sheet-number';
import { chinaToday } from '../../shared/domain/time';
import type { PrintPlan } from '../../shared/print/problem-sections';
import type { Workspace } from '../../shared/app/workspace';
import type { PrintSettings } from '../../shared/print/sheet-number';
import type { Options } from '../args';
import { dirOf, type Command } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { writeOutput, type CliIo } from '../io';
import { openOffice } from '../workspace-dir';
import { periodOption } from './exchange';

const KINDS = ['assignment', 'supervision', 'task-list', 'project-list', 'indicators', 'reporting'] as const;
type Kind = (typeof KINDS)[number];

interface Printing {
  ws: Workspace;
  plan: PrintPlan;
  settings: PrintSettings;
  today: string;
  out: string;
  io: CliIo;
}

/**
 * 任务交办单 / 督办单: the job the app's print dialog makes (shared/print/sheet-job.ts), issued through
 * the workspace's register (ws.sheets.issueJob): numbers are reserved, the file written, and only
 * then issued. One unit gets its own sheet; all units one document, each from a new page.
 */
async function printSheets(kind: NumberedKind, args: Options, p: Printing): Promise<void> {
  const scope = kind === 'assignment' ? args.oneOf('recipients', ['lead', 'all'], 'lead') : 'lead';
  const wanted = args.get('department') ?? 'all';
  const label = NUMBERED_KIND_LABELS[kind];
  let departmentIds: string[] | undefined;
  if (wanted !== 'all') {
    const named = p.plan.departments.find((d) => d.name === wanted || d.aliases.includes(wanted));
    if (!named) throw new NotFoundError(`没有名为 ${wanted} 的单位 / no unit named ${wanted}`);
    departmentIds = [named.id];
  }
  const job = sheetJob(p.plan, kind, p.today, p.settings, { scope, departmentIds });
  if (!job.items.length) {
    const why = kind === 'assignment' ? `没有任务和项目（${RECIPIENT_SCOPE_LABELS[scope]}）` : '没有逾期或临期需要督办的任务';
    throw new InputError(wanted === 'all' ? `没有需要发${label}的单位` : `${wanted} ${why}`);
  }
  const done = await p.ws.sheets.issueJob(job, job.items, async (reserved) => {
    const request = sheetRequest(job, job.items, numberFrom(reserved));
    const doc = job.items.length === 1 && wanted !== 'all' ? perDepartmentDocuments(p.plan, request, job.settings)[0] : combinedDocument(p.plan, request, job.settings);
    await writeOutput(p.io, p.out, renderDocumentHtml(doc));
    return doc;
  });
  const numbers = done?.issued.map((s) => s.number).join('、') ?? '';
  p.io.stdout(`已生成 / written: ${p.out}（${done?.result.title ?? label}，${done?.issued.length ?? 0} 份${numbers ? `：${numbers}` : ''}）\n`);
  const note = collectivesNote(sheetCandidates(p.plan, kind, p.today, scope).collectives, p.settings.issuerShort);
  if (note && wanted === 'all') p.io.stdout(`${note}\n`);
}

/**
 * `zwc --workspace DIR print KIND --out FILE.html …`: the very document the app prints
 * (shared/print), as an HTML file with its print CSS, for a browser or `chromium --headless
 * --print-to-pdf`. 任务交办单 and 督办单 are numbered through the same register as in the app.
 */
export const print: Command = {
  name: 'print',
  summary: '生成与桌面程序相同的打印文件（HTML，可用浏览器打印或存为 PDF）/ the app’s printed documents as HTML',
  usage: `${KINDS.join('|')} --out x.html [--period 2026-11] [--department 旗生态环境局|all] [--recipients lead|all]`,
  details:
    '  assignment 任务交办单 · supervision 督办单（逾期、临期任务）· task-list 任务清单 · project-list 项目清单 · indicators 指标体系 · reporting 报送情况\n' +
    '  交办单默认只发牵头单位（--recipients all 含配合单位）；交办单、督办单的编号与程序共用登记，文件写出后才编号\n' +
    '  / 交办单 go to lead units unless --recipients all; sheet numbers come from the same register, issued once the file is written\n',
  workspace: 'required',
  options: { out: { type: 'string' }, period: { type: 'string' }, department: { type: 'string' }, recipients: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const kind = args.positionals[0] as Kind | undefined;
    if (!kind || !KINDS.includes(kind) || args.positionals.length > 1) throw new UsageError(`请指定要打印的文件：${KINDS.join(' / ')}`);
    const out = args.need('out');
    const period = periodOption(args, io);
    if (kind === 'assignment') args.oneOf('recipients', ['lead', 'all'], 'lead');
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const all = await ws.records.readPlan(settings.officeCode);
    // With the office's problems: a 督办单 lists the unit's, 报送情况 the month's (as in the app).
    const plan: PrintPlan = { ...scopeToPlan(all, all.office.currentPlanId), problems: await ws.problems.all(settings.officeCode), problemContext: all };
    const today = chinaToday(io.now());
    const printSettings = await ws.sheets.settings(plan.office);
    const printing: Printing = { ws, plan, settings: printSettings, today, out, io };
    if (kind === 'assignment' || kind === 'supervision') return printSheets(kind, args, printing);

    let request: PrintRequest;
    if (kind === 'task-list') request = { kind, day: today };
    else if (kind === 'reporting') request = { kind, period, day: today };
    else request = { kind, period };
    const doc = buildDocument(plan, request, printSettings);
    await writeOutput(io, out, renderDocumentHtml(doc));
    io.stdout(`已生成 / written: ${out}（${doc.title}）\n`);
  },
};

export const PRINT_COMMANDS: readonly Command[] = [print];
