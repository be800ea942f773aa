import { randomBytes } from 'node:crypto';
import { FileStorage, WorkspaceFileError } from '../file-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup';
import { workspaceSettings, type WorkspaceSettings } from '../../shared/app/settings';
import { cityOverview } from '../../shared/app/city-overview-service';
import { receiverOf } from '../../shared/exchange/rules';
import { BundleError, refusalOf, type BundleRefusal } from '../../shared/exchange/errors';
import type { PreparedImport } from '../../shared/app/exchange-service';
import { DivisionCodeSchema } from '../../shared/domain/office';
import { divisionName } from '../../shared/domain/divisions';
import { chinaToday, defaultReportingPeriod } from '../../shared/domain/time';
import { PeriodSchema } from '../../shared/domain/ids';
import { TASK_STATUS_LABELS } from '../../shared/domain/task-status';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { seededPlan } from '../../seeds';
import { printCommand } from './print';
import { planCommand } from './plan';
import { backupCommand, restoreCommand } from './backup';

/**
 * `zwc --workspace DIR …`: the command line holding a workspace on disk, through exactly the
 * services the app uses (shared/app): set up an office, trust keys, import bundles, show the
 * city's overview. The workspace is one file, DIR/workspace.json (cli/file-storage.ts).
 */

export interface WorkspaceIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  now(): Date;
}

export class WorkspaceUsageError extends Error {}
export class WorkspaceInputError extends Error {}

export interface WorkspaceArgs {
  positional: string[];
  options: Map<string, string>;
}

const need = (args: WorkspaceArgs, name: string) => {
  const v = args.options.get(name);
  if (!v) throw new WorkspaceUsageError(`缺少 --${name} / missing --${name}`);
  return v;
};

function officeOption(args: WorkspaceArgs): string {
  const code = need(args, 'office');
  if (!DivisionCodeSchema.safeParse(code).success) throw new WorkspaceUsageError(`--office 应为6位行政区划代码 / --office must be a 6-digit division code: ${code}`);
  return code;
}

export async function openWorkspaceDir(dir: string, io: WorkspaceIo): Promise<Workspace> {
  try {
    const storage = FileStorage.open(dir);
    // Near its size limit, every command says so, before the limit refuses a change.
    if (storage.notice) io.stderr(`${storage.notice}\n`);
    return await openWorkspace(storage, { random: (n) => new Uint8Array(randomBytes(n)), now: () => io.now().getTime() });
  } catch (e) {
    if (e instanceof WorkspaceFileError) throw new WorkspaceInputError(e.message);
    throw e;
  }
}

export async function settingsOf(ws: Workspace, dir: string): Promise<WorkspaceSettings> {
  const s = await workspaceSettings(ws.storage);
  if (!s) throw new WorkspaceInputError(`工作区 ${dir} 尚未设置单位，请先运行 zwc --workspace ${dir} init --office <代码> / run init first`);
  return s;
}

/** init --office CODE [--empty]: loads the office's seeded plan (or only the office, with --empty). */
async function init(dir: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  const code = officeOption(args);
  const entry = seededPlan(code);
  if (!entry) throw new WorkspaceInputError(`没有 ${code}（${divisionName(code)}）的预置方案 / no seeded plan for ${code}`);
  const ws = await openWorkspaceDir(dir, io);
  const empty = args.options.get('empty') === 'yes';
  const settings = await setUpWorkspace(ws, loadSeedPlan(await entry.load()), empty ? 'empty' : 'plan', io.now());
  const plan = await ws.ledger.readPlan(code);
  io.stdout(`工作区 / workspace ${dir}: ${plan.office.name}（${settings.role === 'city' ? '市级' : '旗区级'}）· 任务 ${plan.tasks.length} · 项目 ${plan.projects.length} · 指标 ${plan.indicators.length} · 设备 ${ws.deviceId}\n`);
  return 0;
}

/** trust --office CODE --public-key KEY [--label TEXT] / revoke --office CODE --public-key KEY */
async function trust(dir: string, args: WorkspaceArgs, io: WorkspaceIo, revoke: boolean): Promise<number> {
  const ws = await openWorkspaceDir(dir, io);
  const officeCode = officeOption(args);
  const publicKey = need(args, 'public-key');
  try {
    if (revoke) {
      await ws.trust.revoke(publicKey, officeCode, io.now());
      io.stdout(`已吊销 / revoked: ${divisionName(officeCode)} ${publicKey}\n`);
    } else {
      const label = args.options.get('label');
      const key = await ws.trust.trust({ officeCode, publicKey, ...(label ? { label } : {}) }, io.now());
      io.stdout(`已登记为可信 / trusted: ${divisionName(officeCode)} · 指纹 / fingerprint ${key.fingerprint}\n`);
    }
  } catch (e) {
    throw new WorkspaceInputError(e instanceof Error ? e.message : String(e));
  }
  return 0;
}

/** A file that failed in an unexpected way, as a refusal the history keeps (a BundleError keeps its own code). */
function unexpectedRefusal(e: unknown): BundleRefusal {
  if (e instanceof BundleError) return refusalOf(e);
  const why = e instanceof Error ? e.message : String(e);
  return { code: 'invalid-payload', level: 'refused', message: `导入此文件时出错，未作任何更改：${why.slice(0, 300)}`, detail: {} };
}

/** import FILE…: each file checked, previewed and merged exactly as the app does; refusals recorded. */
async function importFiles(dir: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  if (!args.positional.length) throw new WorkspaceUsageError('请给出至少一个交换文件 / give at least one bundle file');
  const ws = await openWorkspaceDir(dir, io);
  const settings = await settingsOf(ws, dir);
  const receiver = receiverOf(settings.officeCode);
  const nearBefore = ws.storage instanceof FileStorage && ws.storage.notice !== null;
  let refused = 0;
  for (const file of args.positional) {
    let data: Uint8Array;
    try {
      data = await io.readFile(file);
    } catch (e) {
      io.stderr(`无法读取 / cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      refused += 1;
      continue;
    }
    // One bad file never stops the others: whatever goes wrong with it is refused and recorded.
    let prepared: PreparedImport;
    try {
      prepared = await ws.exchange.prepareImport(receiver, { name: file, data }, io.now());
      if (prepared.kind === 'ready') {
        const entry = await ws.exchange.applyImport(prepared, io.now());
        io.stdout(`已合并 / merged: ${file}（${divisionName(entry.officeCode)} ${entry.period}，新增 ${entry.counts?.added ?? 0}，更新 ${entry.counts?.changed ?? 0}，冲突 ${entry.counts?.conflicts ?? 0}）\n`);
        continue;
      }
    } catch (e) {
      prepared = { kind: 'refused', fileName: file, refusal: unexpectedRefusal(e) };
    }
    try {
      await ws.exchange.recordRefusal(prepared, io.now());
    } catch (e) {
      io.stderr(`无法记录导入历史 / cannot record the refusal: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    if (prepared.kind === 'untrusted') {
      refused += 1;
      io.stderr(
        `已拒绝 / refused: ${file}\n  [untrusted-key] 密钥未登记为 ${divisionName(prepared.officeCode)} 的可信密钥，指纹 ${prepared.fingerprint}；` +
          `核对无误后运行 zwc --workspace ${dir} trust --office ${prepared.officeCode} --public-key ${prepared.publicKey}\n`,
      );
    } else if (prepared.refusal.level === 'noop') {
      io.stdout(`无需导入 / nothing to do: ${file}\n  [${prepared.refusal.code}] ${prepared.refusal.message}\n`);
    } else {
      refused += 1;
      io.stderr(`已拒绝 / refused: ${file}\n  [${prepared.refusal.code}] ${prepared.refusal.message}\n`);
    }
  }
  if (!nearBefore && ws.storage instanceof FileStorage && ws.storage.notice) io.stderr(`${ws.storage.notice}\n`);
  return refused ? 2 : 0;
}

/** overview [--period YYYY-MM] [--json yes]: the city's 各旗区总览, from the same rules as the app's page. */
async function overview(dir: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  const ws = await openWorkspaceDir(dir, io);
  const settings = await settingsOf(ws, dir);
  if (settings.role !== 'city') throw new WorkspaceInputError(`${divisionName(settings.officeCode)} 不是市级单位，没有各旗区总览 / not a city office`);
  const period = args.options.get('period') ?? defaultReportingPeriod(io.now());
  if (!PeriodSchema.safeParse(period).success) throw new WorkspaceUsageError(`--period 应为 YYYY-MM / --period must be YYYY-MM: ${period}`);
  const { rows, missing } = await cityOverview(ws, settings.officeCode, period, chinaToday(io.now()));
  if (args.options.get('json') === 'yes') {
    io.stdout(`${JSON.stringify({ cityCode: settings.officeCode, period, rows, notReported: missing.map((r) => r.code) }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${divisionName(settings.officeCode)} 各旗区总览 · ${period}\n`);
  for (const r of rows) {
    const status = (Object.keys(r.byStatus) as (keyof typeof r.byStatus)[]).map((s) => `${TASK_STATUS_LABELS[s]} ${r.byStatus[s]}`).join('，');
    const coverage = r.coverage === null ? '' : `\t本月报送率 ${r.coverage}%`;
    io.stdout(`${r.name}（${r.code}）\t${r.lastPeriodReceived ? `最近报送 ${r.lastPeriodReceived}` : '尚未报送'}\t任务 ${r.tasks}：${status}${coverage}\t指标未达标 ${r.indicatorsBehind}\n`);
  }
  io.stdout(`本期未报送 / not reported: ${missing.map((r) => r.name).join('、') || '无 none'}\n`);
  return 0;
}

export const WORKSPACE_COMMANDS = ['init', 'trust', 'revoke', 'import', 'overview', 'print', 'plan', 'backup', 'restore'] as const;

/** Runs one workspace command; usage and input problems are thrown for zwc to report with its exit codes. */
export async function runWorkspaceCommand(dir: string, command: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  switch (command) {
    case 'init':
      return init(dir, args, io);
    case 'trust':
      return trust(dir, args, io, false);
    case 'revoke':
      return trust(dir, args, io, true);
    case 'import':
      return importFiles(dir, args, io);
    case 'overview':
      return overview(dir, args, io);
    case 'print':
      return printCommand(dir, args, io);
    case 'plan':
      return planCommand(dir, args, io);
    case 'backup':
      return backupCommand(dir, args, io);
    case 'restore':
      return restoreCommand(dir, args, io);
    default:
      throw new WorkspaceUsageError(`未知的工作区命令 / unknown workspace command: ${command}（可用 / available: ${WORKSPACE_COMMANDS.join(', ')}）`);
  }
}
