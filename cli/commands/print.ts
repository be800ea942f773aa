import { issueOnOutput, IssuedSheets } from '../../shared/app/issued-sheets';
import { scopeToPlan } from '../../shared/ledger/plan-scope';
import { buildDocument, type PrintRequest } from '../../shared/print/documents';
import { renderDocumentHtml } from '../../shared/print/html';
import { RECIPIENT_SCOPE_LABELS, sheetRecipients } from '../../shared/print/assignment-sheet';
import { collectivesNote, sheetCandidates } from '../../shared/print/sheet-candidates';
import { chinaToday } from '../../shared/domain/time';
import { dirOf, type Command } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { writeOutput } from '../io';
import { openOffice } from '../workspace-dir';
import { periodOption } from './exchange';

const KINDS = ['assignment', 'task-list', 'project-list', 'indicators', 'reporting'] as const;
type Kind = (typeof KINDS)[number];

/**
 * `zwc --workspace DIR print KIND --out FILE.html …`: the very document the app prints
 * (shared/print), as an HTML file with its print CSS, for a browser or `chromium --headless
 * --print-to-pdf`. 任务交办单 go to the lead units unless `--recipients all`, never to a collective
 * name; they are numbered through the same register as in the app, and only once the file is written.
 */
export const print: Command = {
  name: 'print',
  summary: '生成与桌面程序相同的打印文件（HTML，可用浏览器打印或存为 PDF）/ the app’s printed documents as HTML',
  usage: `${KINDS.join('|')} --out x.html [--period 2026-11] [--department 旗生态环境局|all] [--recipients lead|all]`,
  details:
    '  assignment 任务交办单 · task-list 任务清单 · project-list 项目清单 · indicators 指标体系 · reporting 报送情况\n' +
    '  交办单默认只发牵头单位（--recipients all 含配合单位），编号与程序共用登记，文件写出后才编号\n' +
    '  / 交办单 go to lead units unless --recipients all; numbers come from the same register, issued once the file is written\n',
  workspace: 'required',
  options: { out: { type: 'string' }, period: { type: 'string' }, department: { type: 'string' }, recipients: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const kind = args.positionals[0] as Kind | undefined;
    if (!kind || !KINDS.includes(kind) || args.positionals.length > 1) throw new UsageError(`请指定要打印的文件：${KINDS.join(' / ')}`);
    const out = args.need('out');
    const period = periodOption(args, io);
    const scope = args.oneOf('recipients', ['lead', 'all'], 'lead');
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const all = await ws.ledger.readPlan(settings.officeCode);
    const plan = scopeToPlan(all, all.office.currentPlanId);
    const today = chinaToday(io.now());
    const sheets = new IssuedSheets(ws.storage, () => io.now());
    const printSettings = await sheets.settings(plan.office);

    let request: PrintRequest;
    if (kind === 'assignment') {
      const wanted = args.get('department') ?? 'all';
      if (wanted !== 'all' && !plan.departments.some((d) => d.name === wanted)) throw new NotFoundError(`没有名为 ${wanted} 的单位 / no unit named ${wanted}`);
      const recipients = sheetRecipients(plan, scope).filter((r) => wanted === 'all' || r.department.name === wanted);
      if (!recipients.length) throw new InputError(wanted === 'all' ? '没有需要交办的单位' : `${wanted} 没有任务和项目（${RECIPIENT_SCOPE_LABELS[scope]}）`);
      const done = await issueOnOutput(
        sheets,
        {
          kind: 'assignment',
          sheets: recipients.map((r) => ({ departmentId: r.department.id, departmentName: r.department.name, taskIds: r.tasks.map((t) => t.task.id), projectIds: r.projects.map((p) => p.project.id) })),
          issuedOn: today,
          pattern: printSettings.patterns.assignment,
        },
        async (reserved) => {
          const doc = buildDocument(plan, { kind: 'assignment', all: wanted === 'all', sheets: reserved.map((s) => ({ departmentId: s.departmentId, number: s.number, issuedOn: s.issuedOn, taskIds: s.taskIds, projectIds: s.projectIds })) }, printSettings);
          await writeOutput(io, out, renderDocumentHtml(doc));
          return doc;
        },
      );
      io.stdout(`已生成 / written: ${out}（${done?.result.title ?? ''}，${done?.issued.length ?? 0} 份）\n`);
      const note = collectivesNote(sheetCandidates(plan, 'assignment', today, scope).collectives, printSettings.issuerShort);
      if (note && wanted === 'all') io.stdout(`${note}\n`);
      return;
    }
    if (kind === 'task-list') request = { kind, day: today };
    else if (kind === 'reporting') request = { kind, period, day: today };
    else request = { kind, period };

    const doc = buildDocument(plan, request, printSettings);
    await writeOutput(io, out, renderDocumentHtml(doc));
    io.stdout(`已生成 / written: ${out}（${doc.title}）\n`);
  },
};

export const PRINT_COMMANDS: readonly Command[] = [print];
