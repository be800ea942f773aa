import { join } from 'node:path';
import { BundleError, refusalOf, type BundleRefusal } from '../../shared/exchange/errors';
import { receiverOf } from '../../shared/exchange/rules';
import type { PreparedImport } from '../../shared/app/exchange/exchange-service';
import { divisionName } from '../../shared/domain/divisions';
import { IMPORT_OUTCOME_LABELS } from '../../shared/exchange/history';
import { defaultReportingPeriod } from '../../shared/domain/time';
import { PeriodSchema } from '../../shared/domain/ids';
import type { Options } from '../args';
import { dirOf, type Command } from '../command';
import { InputError, NotFoundError, UsageError, type Outcome } from '../errors';
import { makeOutputDir, writeOutput, type CliIo } from '../io';
import { cliIdentity, openOffice, openWorkspaceDir, storageNotice } from '../workspace-dir';
import { officeOption } from './workspace';

/**
 * 数据交换 on the command line: export this office's signed bundle, import others' (checked,
 * merged and recorded exactly as the app does), the keys it trusts and its own key.
 */

export function periodOption(args: Options, io: CliIo, name = 'period'): string {
  const period = args.get(name) ?? defaultReportingPeriod(io.now());
  if (!PeriodSchema.safeParse(period).success) throw new UsageError(`--${name} 应为 YYYY-MM / --${name} must be YYYY-MM: ${period}`);
  return period;
}

export const exportBundle: Command = {
  name: 'export',
  summary: '导出本单位的交换文件（.zwb，已签名，与程序“数据交换 → 导出”相同）/ export this office’s signed bundle',
  usage: '[--out FILE.zwb] [--period 2026-11]',
  details: '  默认存入 DIR/exports，文件名与程序导出的相同 / into DIR/exports by default, named as the app names it\n',
  workspace: 'required',
  options: { out: { type: 'string' }, period: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    const period = periodOption(args, io);
    const { ws, settings } = await openOffice(dir, io);
    const bundle = await ws.exchange.exportBundle(settings.officeCode, period, io.now());
    let out = args.get('out');
    if (out === undefined) {
      await makeOutputDir(io, join(dir, 'exports'));
      out = join(dir, 'exports', bundle.fileName);
    }
    await writeOutput(io, out, bundle.bytes);
    io.stdout(`已导出 / exported: ${out}（${divisionName(settings.officeCode)} ${period}，序号 ${bundle.sequence}，${bundle.recordCount} 条记录）\n`);
  },
};

/** A file that failed in an unexpected way, as a refusal the history keeps (a BundleError keeps its own code). */
function unexpectedRefusal(e: unknown): BundleRefusal {
  if (e instanceof BundleError) return refusalOf(e);
  const why = e instanceof Error ? e.message : String(e);
  return { code: 'invalid-payload', level: 'refused', message: `导入此文件时出错，未作任何更改：${why.slice(0, 300)}`, detail: {} };
}

export const importBundles: Command = {
  name: 'import',
  summary: '与桌面程序完全相同地校验、合并并记录导入 / check, merge and record imports exactly as the app does',
  usage: 'a.zwb b.zwb ...',
  workspace: 'required',
  options: {},
  async run(ctx): Promise<Outcome> {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    if (!args.positionals.length) throw new UsageError('请给出至少一个交换文件 / give at least one bundle file');
    const { ws, settings } = await openOffice(dir, io);
    const receiver = receiverOf(settings.officeCode);
    const nearBefore = storageNotice(ws) !== null;
    let refused = 0;
    for (const file of args.positionals) {
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
    const notice = storageNotice(ws);
    if (!nearBefore && notice) io.stderr(`${notice}\n`);
    return refused ? 'refused' : 'ok';
  },
};

/** The trust service's refusals (a malformed key, one key for two offices) are refusals of the input. */
async function refusedAsInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message : String(e));
  }
}

export const trust: Command = {
  name: 'trust',
  summary: '登记可信密钥 / trust a key',
  usage: '--office 150627 --public-key KEY [--label 说明]',
  workspace: 'required',
  options: { office: { type: 'string' }, 'public-key': { type: 'string' }, label: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const ws = await openWorkspaceDir(dirOf(ctx), io);
    const officeCode = officeOption(args);
    const publicKey = args.need('public-key');
    const label = args.get('label');
    const key = await refusedAsInput(() => ws.trust.trust({ officeCode, publicKey, ...(label ? { label } : {}) }, io.now()));
    io.stdout(`已登记为可信 / trusted: ${divisionName(officeCode)} · 指纹 / fingerprint ${key.fingerprint}\n`);
  },
};

export const revoke: Command = {
  name: 'revoke',
  summary: '吊销可信密钥 / revoke a key',
  usage: '--office 150627 --public-key KEY',
  workspace: 'required',
  options: { office: { type: 'string' }, 'public-key': { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const ws = await openWorkspaceDir(dirOf(ctx), io);
    const officeCode = officeOption(args);
    const publicKey = args.need('public-key');
    await refusedAsInput(() => ws.trust.revoke(publicKey, officeCode, io.now()));
    io.stdout(`已吊销 / revoked: ${divisionName(officeCode)} ${publicKey}\n`);
  },
};

export const keys: Command = {
  name: 'keys',
  summary: '本机密钥与可信密钥一览（把本机公钥交给接收方，电话核对指纹）/ this laptop’s key and the trusted keys',
  details: '  本机签名密钥存于 DIR/device-key.json（首次导出时生成，不随备份）/ the signing key is DIR/device-key.json, never in backups\n',
  usage: '[--json yes]',
  workspace: 'required',
  options: { json: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    const ws = await openWorkspaceDir(dir, io);
    const own = await cliIdentity(dir, io, ws.deviceId);
    const trusted = await ws.trust.list();
    if (args.yes('json')) {
      io.stdout(`${JSON.stringify({ own: { deviceId: ws.deviceId, publicKey: own.publicKey, fingerprint: own.fingerprint }, trusted }, null, 2)}\n`);
      return;
    }
    io.stdout(`本机 / this laptop: 设备 ${ws.deviceId}\n  公钥 / public key  ${own.publicKey}\n  指纹 / fingerprint ${own.fingerprint}\n`);
    io.stdout(`可信密钥 / trusted keys: ${trusted.length ? '' : '无 none'}\n`);
    for (const k of trusted) io.stdout(`  ${divisionName(k.officeCode)}（${k.officeCode}）${k.label ? ` ${k.label}` : ''}\t${k.fingerprint}${k.revoked ? '\t已吊销' : ''}\n`);
  },
};

export const history: Command = {
  name: 'history',
  summary: '导入记录：每个交换文件的结果（已合并、已拒绝及原因、无需导入）/ the import history',
  usage: '[--json yes]',
  workspace: 'required',
  options: { json: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const ws = await openWorkspaceDir(dirOf(ctx), io);
    const records = await ws.exchange.history();
    if (args.yes('json')) {
      io.stdout(`${JSON.stringify(records, null, 2)}\n`);
      return;
    }
    if (!records.length) io.stdout('还没有导入记录 / no imports yet\n');
    for (const r of records) {
      const counts = r.counts ? `，新增 ${r.counts.added}，更新 ${r.counts.changed}，冲突 ${r.counts.conflicts}` : '';
      io.stdout(`${r.at}\t${IMPORT_OUTCOME_LABELS[r.outcome].text}\t${r.fileName}\t${r.officeCode ? divisionName(r.officeCode) : ''} ${r.period}${counts}${r.reason ? `\t${r.reason}` : ''}\n`);
    }
  },
};

export const conflicts: Command = {
  name: 'conflicts',
  summary: '未处理的冲突：两台电脑改了同一处，各方的取值 / open conflicts and each side’s value',
  usage: '[--json yes]',
  workspace: 'required',
  options: { json: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const views = await ws.exchange.conflictViews(settings.officeCode, settings.role);
    if (args.yes('json')) {
      io.stdout(`${JSON.stringify(views, null, 2)}\n`);
      return;
    }
    if (!views.length) io.stdout('没有未处理的冲突 / no open conflicts\n');
    for (const v of views) {
      io.stdout(`${v.officeName} · ${v.tableLabel} ${v.title} · ${v.fieldLabel}（${v.table} ${v.id} ${v.field}）\n`);
      for (const side of v.sides) io.stdout(`  ${side.stamp}\t${side.label}\t${side.at}\t${'value' in side ? JSON.stringify(side.value) : '（清空）'}\n`);
    }
  },
};

export const conflictKeep: Command = {
  name: 'conflicts keep',
  summary: '处理冲突：保留其中一方的取值（与“数据交换 → 冲突”相同）/ keep one side of a conflict',
  usage: '--table tasks --id 记录编号 --field 字段 --stamp 修订戳',
  details: '  修订戳见 zwc conflicts；本单位的记录写入所选取值，旗区的记录只在本机选定 / the stamp is listed by zwc conflicts\n',
  workspace: 'required',
  options: { table: { type: 'string' }, id: { type: 'string' }, field: { type: 'string' }, stamp: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const table = args.need('table');
    const id = args.need('id');
    const field = args.need('field');
    const stamp = args.need('stamp');
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const view = (await ws.exchange.conflictViews(settings.officeCode, settings.role)).find((v) => v.table === table && v.id === id && v.field === field);
    if (!view) throw new NotFoundError(`没有这处未处理的冲突：${table} ${id} ${field}`);
    if (!view.sides.some((s) => s.stamp === stamp)) throw new NotFoundError(`这处冲突没有修订戳 ${stamp}；可选：${view.sides.map((s) => s.stamp).join('、')}`);
    const { local } = await ws.exchange.keepConflictSide(view.table, id, field, stamp);
    io.stdout(`已处理 / kept: ${view.tableLabel} ${view.title} · ${view.fieldLabel}${local ? '（仅本机选定）' : ''}\n`);
  },
};

export const EXCHANGE_COMMANDS: readonly Command[] = [exportBundle, importBundles, history, conflicts, conflictKeep, trust, revoke, keys];
