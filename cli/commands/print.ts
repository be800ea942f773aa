import { writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { FileStorage } from '../file-storage';
import { openWorkspace } from '../../shared/app/workspace';
import { workspaceSettings } from '../../shared/app/settings';
import { IssuedSheets } from '../../shared/app/issued-sheets';
import { scopeToPlan } from '../../shared/ledger/plan-scope';
import { buildDocument, type PrintRequest } from '../../shared/print/documents';
import { renderDocumentHtml } from '../../shared/print/html';
import { sheetRecipients } from '../../shared/print/assignment-sheet';
import { chinaToday, defaultReportingPeriod } from '../../shared/domain/time';
import { PeriodSchema } from '../../shared/domain/ids';
import { WorkspaceInputError, WorkspaceUsageError, type WorkspaceArgs, type WorkspaceIo } from './workspace';

const KINDS = ['assignment', 'task-list', 'project-list', 'indicators', 'reporting'] as const;

/**
 * `zwc --workspace DIR print KIND --out FILE.html [--period YYYY-MM] [--department 名称|all]`: the
 * very document the app prints (shared/print), as an HTML file with its print CSS, for a browser
 * or `chromium --headless --print-to-pdf`. 任务交办单 are numbered through the same register as in
 * the app, so a number is never given twice.
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
    const recipients = sheetRecipients(plan).filter((r) => wanted === 'all' || r.department.name === wanted);
    if (!recipients.length) throw new WorkspaceInputError(wanted === 'all' ? '没有需要交办的单位' : `没有名为 ${wanted} 的单位，或该单位没有任务和项目`);
    const issued = await sheets.issue(
      'assignment',
      recipients.map((r) => ({ departmentId: r.department.id, departmentName: r.department.name, taskIds: r.tasks.map((t) => t.task.id), projectIds: r.projects.map((p) => p.project.id) })),
      today,
      printSettings.patterns.assignment,
    );
    request = { kind: 'assignment', all: wanted === 'all', sheets: issued.map((s) => ({ departmentId: s.departmentId, number: s.number, issuedOn: s.issuedOn, taskIds: s.taskIds, projectIds: s.projectIds })) };
  } else if (kind === 'task-list') request = { kind, day: today };
  else if (kind === 'reporting') request = { kind, period, day: today };
  else request = { kind, period };

  const doc = buildDocument(plan, request, printSettings);
  await writeFile(out, renderDocumentHtml(doc));
  io.stdout(`已生成 / written: ${out}（${doc.title}）\n`);
  return 0;
}
