import { writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { FileStorage } from '../file-storage';
import { openWorkspace } from '../../shared/app/workspace';
import { workspaceSettings } from '../../shared/app/settings';
import { issueOnOutput, IssuedSheets } from '../../shared/app/issued-sheets';
import { scopeToPlan } from '../../shared/ledger/plan-scope';
import { buildDocument, type PrintRequest } from '../../shared/print/documents';
import { renderDocumentHtml } from '../../shared/print/html';
import { RECIPIENT_SCOPE_LABELS, sheetRecipients } from '../../shared/print/assignment-sheet';
import { collectivesNote, sheetCandidates } from '../../shared/print/sheet-candidates';
import { chinaToday, defaultReportingPeriod } from '../../shared/domain/time';
import { PeriodSchema } from '../../shared/domain/ids';
import { WorkspaceInputError, WorkspaceUsageError, type WorkspaceArgs, type WorkspaceIo } from './workspace';

const KINDS = ['assignment', 'task-list', 'project-list', 'indicators', 'reporting'] as const;

/**
 * `zwc --workspace DIR print KIND --out FILE.html [--period YYYY-MM] [--department 名称|all]
 * [--recipients lead|all]`: the very document the app prints (shared/print), as an HTML file with
 * its print CSS, for a browser or `chromium --headless --print-to-pdf`. 任务交办单 go to the lead
 * units unless `--recipients all`, never to a collective name; they are numbered through the same
 * register as in the app, and only once the file is written.
 */
export async function printCommand(dir: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  const kind = args.positional[0] as (typeof KINDS)[number] | undefined;
  if (!kind || !KINDS.includes(kind)) throw new WorkspaceUsageError(`请指定要打印的文件：${KINDS.join(' / ')}`);
  const out = args.options.get('out');
  if (!out) throw new WorkspaceUsageError('缺少 --out / missing --out');
  const period = args.options.get('period') ?? defaultReportingPeriod(io.now());
  if (!PeriodSchema.safeParse(period).success) throw new WorkspaceUsageError(`--period 应为 YYYY-MM: ${period}`);
  const ws = await openWorkspace(FileStorage.open(dir), { random: (n) => new Uint8Array(randomBytes(n)), now: () => io.now().getTime() });
  const settings = await workspaceSettings(ws.storage);
  if (!settings) throw new WorkspaceInputError(`工作区 ${dir} 尚未设置单位 / run init first`);
  const all = await ws.ledger.readPlan(settings.officeCode);
  const plan = scopeToPlan(all, all.office.currentPlanId);
  const today = chinaToday(io.now());
  const sheets = new IssuedSheets(ws.storage, () => io.now());
  const printSettings = await sheets.settings(plan.office);

  let request: PrintRequest;
  if (kind === 'assignment') {
    const wanted = args.options.get('department') ?? 'all';
    const scope = args.options.get('recipients') ?? 'lead';
    if (scope !== 'lead' && scope !== 'all') throw new WorkspaceUsageError(`--recipients 应为 lead（仅牵头单位）或 all（牵头和配合单位）: ${scope}`);
    const recipients = sheetRecipients(plan, scope).filter((r) => wanted === 'all' || r.department.name === wanted);
    if (!recipients.length) throw new WorkspaceInputError(wanted === 'all' ? '没有需要交办的单位' : `没有名为 ${wanted} 的单位，或该单位没有任务和项目（${RECIPIENT_SCOPE_LABELS[scope]}）`);
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
        await writeFile(out, renderDocumentHtml(doc));
        return doc;
      },
    );
    io.stdout(`已生成 / written: ${out}（${done?.result.title ?? ''}，${done?.issued.length ?? 0} 份）\n`);
    const note = collectivesNote(sheetCandidates(plan, 'assignment', today, scope).collectives, printSettings.issuerShort);
    if (note && wanted === 'all') io.stdout(`${note}\n`);
    return 0;
  }
  if (kind === 'task-list') request = { kind, day: today };
  else if (kind === 'reporting') request = { kind, period, day: today };
  else request = { kind, period };

  const doc = buildDocument(plan, request, printSettings);
  await writeFile(out, renderDocumentHtml(doc));
  io.stdout(`已生成 / written: ${out}（${doc.title}）\n`);
  return 0;
}
