/**
 * zwc xlsx …: the Excel round-trip on the command line, through the same shared/xlsx functions
 * and the same records service as the app. Data comes from a workspace folder (--workspace DIR,
 * the command line's storage) or, for exports, from a seeded plan file (--plan seeds/x.json).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Workspace } from '../../shared/app/workspace';
import { workspaceSettings } from '../../shared/app/settings';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { readCityData } from '../../shared/app/city/city-overview-service';
import { countySummaries } from '../../shared/views/city-overview';
import type { PlanData } from '../../shared/views/plan-data';
import { DivisionCodeSchema } from '../../shared/domain/office';
import { chinaToday, formatPeriodZh } from '../../shared/domain/time';
import { XlsxError, describeProblem } from '../../shared/xlsx/errors';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { exportPlanTables } from '../../shared/xlsx/export-tables';
import { exportCityWorkbook } from '../../shared/xlsx/city';
import { buildPlanImport, planImportChange, previewPlanImport, type PlanImportContext } from '../../shared/xlsx/plan-import';
import { parseColumnChoices } from '../../shared/xlsx/plan-import-columns';
import { buildAllForms, buildDepartmentForm, collectiveFormNotes, departmentsWithForms, formFileName, formImportChange, previewDepartmentForm, type FormPreview } from '../../shared/xlsx/dept-form';
import { formIssuer } from '../../shared/xlsx/form-guide';
import { answeredProblemRows } from '../../shared/xlsx/form-items';
import { collectiveNote, isCollectiveDepartment } from '../../shared/domain/collective-name';
import { fileKindRefusal, SPREADSHEET_EXTENSIONS } from '../../shared/xlsx/file-kind';
import { isSystemFileName, MAX_OPEN_FILES, matchesFilters } from '../../shared/platform/desktop-api';
import { DEFAULT_XLSX_LIMITS } from '../../shared/xlsx/safety';
import type { Options } from '../args';
import { dirOf, type Command, type CommandContext } from '../command';
import { InputError, NotFoundError, UsageError, type Outcome } from '../errors';
import { readInput, writeOutput, type CliIo } from '../io';
import { openWorkspaceDir, settingsOf } from '../workspace-dir';
import { periodOption } from './exchange';

/** Where a command's plan comes from: a workspace (DIR) or a seed file (--plan), never both. */
async function planSource(ctx: CommandContext): Promise<{ plan: PlanData; ws?: Workspace }> {
  const { args, io, dir } = ctx;
  const seed = args.get('plan');
  if (dir && seed) throw new UsageError('--workspace 与 --plan 只能选一个 / give --workspace or --plan, not both');
  if (seed) {
    const bytes = await readInput(io, seed);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new XlsxError('corrupt', `${seed} 不是合法的 JSON`);
    }
    return { plan: { ...loadSeedPlan(json), progress: [], indicatorValues: [] } };
  }
  if (!dir) throw new UsageError('缺少 --workspace 或 --plan / missing --workspace or --plan');
  const ws = await openWorkspaceDir(dir, io);
  const code = args.get('office') ?? (await settingsOf(ws, dir)).officeCode;
  return { plan: await ws.records.readPlan(code), ws };
}

export const xlsxExport: Command = {
  name: 'xlsx export',
  summary: '导出任务清单、项目清单、指标体系（--status：加本期状态与进展列）/ export the official tables',
  usage: '(--workspace DIR | --plan seed.json) --out tables.xlsx [--status 2025-06]',
  workspace: 'optional',
  options: { plan: { type: 'string' }, office: { type: 'string' }, out: { type: 'string' }, status: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const out = args.need('out');
    const status = args.has('status') ? periodOption(args, io, 'status') : undefined;
    const { plan } = await planSource(ctx);
    const wb = exportPlanTables(plan, { today: chinaToday(io.now()), ...(status ? { withStatus: status } : {}) });
    await writeOutput(io, out, await writeWorkbook(wb));
    io.stdout(`已导出 ${plan.office.name}：任务 ${plan.tasks.length} 项、项目 ${plan.projects.length} 个、指标 ${plan.indicators.length} 项 → ${out}\n`);
  },
};

export const xlsxCity: Command = {
  name: 'xlsx city',
  summary: '市级：各旗区汇总工作簿（报送情况、本月进展、项目清单、指标体系；市级选定的冲突取值有标注）/ the city’s consolidated workbook',
  usage: '--workspace DIR --out city.xlsx [--period 2025-06]',
  workspace: 'required',
  options: { office: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    const out = args.need('out');
    const p = periodOption(args, io);
    const ws = await openWorkspaceDir(dir, io);
    const code = args.get('office') ?? (await settingsOf(ws, dir)).officeCode;
    const city = (await ws.records.readPlan(code)).office;
    const today = chinaToday(io.now());
    const data = await readCityData(ws, code);
    const summaries = countySummaries({ cityCode: code, ...data, period: p, today });
    await writeOutput(io, out, await writeWorkbook(exportCityWorkbook({ city, period: p, today, summaries, plans: data.plans, cityChoices: data.cityChoices })));
    io.stdout(`已导出 ${city.name} ${formatPeriodZh(p)}汇总：${summaries.length} 个旗区，已报送 ${summaries.filter((s) => s.reportedForPeriod).length} 个\n`);
  },
};

export const xlsxForms: Command = {
  name: 'xlsx forms',
  summary: '生成各单位进展填报表，默认只发牵头单位（--all：含配合单位）/ department fill-in forms, lead units only unless --all',
  usage: '(--workspace DIR | --plan seed.json) --period 2025-06 (--out-dir DIR | --zip forms.zip) [--department 名称] [--all] [--contact "联系人 电话"]',
  details:
    '  配合单位的行为其配合情况；不给集合名称（如“各相关单位”）生成表 / participants’ rows are their own 配合情况; never a collective name\n' +
    '  从工作区生成的表带本单位签发校验，改动隐藏编号的行导入时拒绝 / forms from a workspace are sealed\n',
  workspace: 'optional',
  options: { plan: { type: 'string' }, office: { type: 'string' }, period: { type: 'string' }, 'out-dir': { type: 'string' }, zip: { type: 'string' }, department: { type: 'string' }, contact: { type: 'string' }, all: { type: 'boolean' } },
  async run(ctx) {
    const { args, io } = ctx;
    const zip = args.get('zip');
    const dir = args.get('out-dir');
    if (!zip && !dir) throw new UsageError('缺少 --out-dir 或 --zip / missing --out-dir or --zip');
    const p = periodOption(args, io);
    const { plan, ws } = await planSource(ctx);
    const today = chinaToday(io.now());
    const contact = args.get('contact');
    // From a workspace, each form and row is sealed with the office's form secret (the import checks it);
    // a form made from a seed file has no office secret to seal with, and imports with a warning.
    const formSecret = ws ? await ws.formSecret() : undefined;
    // From a workspace, each department's open problems go with its form as 问题整改 rows.
    const problemRows = ws ? await ws.problems.formRowsByDepartment(plan.office.code, today) : undefined;
    const opts = { scope: args.flag('all') ? ('all' as const) : ('lead' as const), ...(contact ? { contact } : {}), ...(formSecret ? { formSecret } : {}), ...(problemRows ? { problemRows } : {}) };
    const only = args.get('department');
    let targets = departmentsWithForms(plan, p, opts.scope);
    if (only) {
      const named = plan.departments.find((x) => x.name === only || x.aliases.includes(only));
      if (!named) throw new NotFoundError(`单位“${only}”不在名录中`);
      if (isCollectiveDepartment(named)) throw new XlsxError('wrong-form', `“${named.name}”是集合名称，不是一个能填写、报回的单位，不生成填报表`);
      targets = targets.filter((d) => d.departmentId === named.id);
      if (!targets.length) throw new XlsxError('wrong-form', `单位“${only}”本期没有需要填报的任务和项目${opts.scope === 'lead' ? '（只参与配合的单位请加 --all）' : ''}`);
    }
    const collectives = collectiveFormNotes(plan, p, opts.scope);
    const scopeWords = opts.scope === 'all' ? '牵头和配合单位' : '仅牵头单位';
    if (zip && !only) {
      const all = await buildAllForms(plan, p, today, opts);
      await writeOutput(io, zip, all.bytes);
      io.stdout(`已生成 ${all.files.length} 个单位（${scopeWords}）的 ${formatPeriodZh(p)}填报表 → ${zip}\n`);
    } else {
      for (const t of targets) {
        const name = formFileName(plan, t.departmentId, p);
        await writeOutput(io, join(dir ?? '.', name), await writeWorkbook(await buildDepartmentForm(plan, t.departmentId, p, today, opts)));
        io.stdout(`${name}\t${t.items} 项${t.participantItems ? `（其中配合情况 ${t.participantItems} 项）` : ''}\n`);
      }
      io.stdout(`共 ${targets.length} 个单位（${scopeWords}）\n`);
    }
    if (!only) for (const c of collectives) io.stdout(`${collectiveNote(c.name, formIssuer(plan).short)}（${c.tasks.length} 项任务${c.projects.length ? `、${c.projects.length} 个项目` : ''}）\n`);
  },
};

const SHEET_KINDS = { tasks: '任务清单', projects: '项目清单', indicators: '指标体系' } as const;

function officeLevel(args: Options, fallback: 'city' | 'county' | undefined): 'city' | 'county' {
  const level = args.get('level') ?? fallback ?? 'county';
  if (level !== 'city' && level !== 'county') throw new UsageError(`--level 应为 city 或 county / --level must be city or county: ${level}`);
  return level;
}

export const xlsxImportPlan: Command = {
  name: 'xlsx import-plan',
  summary: '从 Excel 实施方案导入，或从它建立新工作区 / import an Excel plan (or set a new workspace up from it)',
  usage: "plan.xlsx --workspace DIR [--office 150627 --name 名称 --level county --parent 150600] [--column 'E=title' …] [--valid-only] [--dry-run]",
  details:
    '  新工作区须给 --office 与 --name，与程序首次启动“从 Excel 导入”相同（含第一个方案期）/ a new workspace needs --office and --name\n' +
    '  --column 指定未识别表头的列的内容，如 E=title、E=主要内容、任务清单!E=summary、E=不导入（与程序预览中的选择相同）\n',
  workspace: 'required',
  options: { office: { type: 'string' }, name: { type: 'string' }, level: { type: 'string' }, parent: { type: 'string' }, column: { type: 'string', multiple: true }, 'valid-only': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  async run(ctx): Promise<Outcome> {
    const { args, io } = ctx;
    const [file] = args.positionals;
    if (!file) throw new UsageError('缺少要导入的 .xlsx 文件 / missing the .xlsx file');
    const ws = await openWorkspaceDir(dirOf(ctx), io);
    const settings = await workspaceSettings(ws.storage);
    const wb = await readWorkbook(await readInput(io, file));
    const fileName = basename(file);
    const existing = settings ? await ws.records.readPlan(settings.officeCode) : null;
    const code = settings?.officeCode ?? args.get('office');
    if (!code || !DivisionCodeSchema.safeParse(code).success) throw new UsageError('新工作区须给 --office（6 位行政区划代码）/ a new workspace needs --office CODE');
    let context: PlanImportContext = { fileName, officeCode: code, existing };
    let preview = previewPlanImport(wb, context);
    const columnSpecs = args.all('column');
    if (columnSpecs.length) {
      // What the app's preview allows: a meaning for each unrecognised column, then the file is read again.
      const { choices, errors } = parseColumnChoices(columnSpecs, preview.sheets);
      if (errors.length) throw new UsageError(`--column：${errors.join('\n')}`);
      context = { ...context, columns: choices };
      preview = previewPlanImport(wb, context);
    }
    for (const s of preview.sheets) io.stdout(`工作表「${s.name}」：${SHEET_KINDS[s.kind]}，表头在第 ${s.headerRow} 行，读到 ${s.rows} 行\n`);
    for (const s of preview.sheets) {
      for (const u of s.unrecognised) {
        const chosen = u.chosen ? (s.fields.find((f) => f.value === u.chosen)?.label ?? u.chosen) : null;
        if (u.chosen === '') io.stdout(`「${s.name}」${u.letter} 列（${u.header}）按 --column 不导入\n`);
        else io.stdout(chosen ? `「${s.name}」${u.letter} 列（${u.header}）按“${chosen}”读取\n` : `提示：「${s.name}」${u.letter} 列（${u.header}）的表头未识别，不导入；如需导入请加 --column '${u.letter}=内容'（可选：${s.fields.map((f) => `${f.value} ${f.label}`).join('、')}）\n`);
      }
    }
    for (const p of [...preview.problems, ...preview.rows.flatMap((r) => r.problems)]) io.stdout(`${p.level === 'error' ? '错误' : '提示'}：${describeProblem(p)}\n`);
    if (preview.unknownDepartments.length) io.stdout(`名录中没有的单位（将新增）：${preview.unknownDepartments.map((u) => u.name).join('、')}\n`);
    io.stdout(`新增 ${preview.counts.new} 行，已有 ${preview.counts.existing} 行，错误 ${preview.counts.error} 行\n`);
    if (preview.counts.error && !args.flag('valid-only')) {
      io.stderr('有错误行，未写入任何记录；修改文件后重试，或加 --valid-only 只导入无误的行\n');
      return 'refused';
    }
    const built = buildPlanImport(preview, context, { validOnly: args.flag('valid-only') });
    for (const f of built.failed) io.stdout(`错误：${describeProblem(f)}\n`);
    if (args.flag('dry-run')) {
      io.stdout('（试运行，未写入）\n');
      return 'ok';
    }
    if (existing) {
      await ws.undo.commit(planImportChange(built, fileName));
    } else {
      const name = args.get('name') ?? preview.meta.office?.name;
      if (!name) throw new UsageError('新工作区须给 --name（单位名称）/ a new workspace needs --name');
      const level = officeLevel(args, preview.meta.office?.level);
      const parentCode = args.get('parent') ?? preview.meta.office?.parentCode ?? undefined;
      try {
        await ws.setup.setUpFromExcel({ code, name, level, ...(parentCode ? { parentCode } : {}) }, built, fileName);
      } catch (e) {
        throw new InputError(e instanceof Error ? e.message : String(e));
      }
    }
    io.stdout(`已导入：任务 ${built.tasks.length} 项、项目 ${built.projects.length} 个、指标 ${built.indicators.length} 项、新增单位 ${built.departments.length} 个\n`);
    return 'ok';
  },
};

const FOLDER_FILTER = [{ name: '表格文件', extensions: [...SPREADSHEET_EXTENSIONS] }];

/**
 * The files to import: each file as given, and from each folder its spreadsheet-like files two
 * levels down (no lock or hidden files), the way the app reads a chosen folder. At most
 * MAX_OPEN_FILES in all, as in the app.
 */
async function formFiles(paths: readonly string[], io: CliIo): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      if (isSystemFileName(e.name)) continue;
      if (e.isDirectory() && depth < 2) await walk(join(dir, e.name), depth + 1);
      else if (e.isFile() && matchesFilters(e.name, FOLDER_FILTER)) out.push(join(dir, e.name));
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info?.isDirectory()) {
      out.push(p);
      continue;
    }
    const before = out.length;
    await walk(p, 0);
    if (out.length === before) io.stderr(`${p}：文件夹中没有表格文件（.xlsx、.xls、.et、.ods、.csv）\n`);
  }
  if (out.length > MAX_OPEN_FILES) throw new UsageError(`一次最多导入 ${MAX_OPEN_FILES} 个文件，这次有 ${out.length} 个，请分批导入 / at most ${MAX_OPEN_FILES} files at once`);
  return out;
}

/** The file's bytes, or why it is not read: too large (looked at before reading) or unreadable. */
async function formBytes(file: string, io: CliIo): Promise<Uint8Array | { refusal: string; io: boolean }> {
  const size = (await stat(file).catch(() => null))?.size ?? 0;
  const limit = DEFAULT_XLSX_LIMITS.maxFileBytes;
  if (size > limit) return { refusal: `「${basename(file)}」过大（${Math.round(size / 1048576)} MB），上限 ${limit / 1048576} MB，未读取`, io: false };
  try {
    return await io.readFile(file);
  } catch (e) {
    return { refusal: `无法读取「${basename(file)}」：${e instanceof Error ? e.message : String(e)}`, io: true };
  }
}

export const xlsxImportForms: Command = {
  name: 'xlsx import-forms',
  summary: '导入填回的填报表（多个文件或整个文件夹，每个文件一行结果）/ import returned forms, files or folders',
  usage: 'a.xlsx b.xlsx 文件夹/ … --workspace DIR [--period 2025-06] [--dry-run]',
  details: '  .xls/.et/.ods/.csv 说明如何另存为 .xlsx；同一表重复导入不会重复记录 / importing twice changes nothing\n',
  workspace: 'required',
  options: { period: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx): Promise<Outcome> {
    const { args, io } = ctx;
    if (!args.positionals.length) throw new UsageError('缺少要导入的填报表或文件夹 / no forms given');
    const p = periodOption(args, io);
    const dir = dirOf(ctx);
    const ws = await openWorkspaceDir(dir, io);
    const settings = await settingsOf(ws, dir);
    const plan = await ws.records.readPlan(settings.officeCode);
    const files = await formFiles(args.positionals, io);
    const formSecret = await ws.formSecret();
    const problems = await ws.problems.all(settings.officeCode);
    const previews: FormPreview[] = [];
    let refused = 0;
    let unreadable = 0;
    for (const file of files) {
      const bytes = await formBytes(file, io);
      const refusal = bytes instanceof Uint8Array ? fileKindRefusal(basename(file), bytes) : bytes.refusal;
      if (refusal || !(bytes instanceof Uint8Array)) {
        if (!(bytes instanceof Uint8Array) && bytes.io) unreadable++;
        else refused++;
        io.stderr(`${file}：已拒绝 — ${refusal}\n`);
        continue;
      }
      try {
        const wb = await readWorkbook(bytes);
        const preview = previewDepartmentForm(wb, { fileName: file, plan, period: p, deviceId: ws.deviceId, formSecret, problems, now: io.now() });
        previews.push(preview);
        const c = preview.counts;
        io.stdout(`${file}：${preview.departmentName}，新进展 ${c.new} 条，已导入过 ${c.unchanged} 条，未填 ${c.empty} 行，错误 ${c.error} 行\n`);
        const answered = answeredProblemRows([preview]);
        if (preview.problemRows.some((r) => r.status !== 'empty')) io.stdout(`  问题整改：处理进展 ${answered} 条\n`);
        for (const pr of [...preview.problems, ...[...preview.rows, ...preview.problemRows].flatMap((r) => r.problems).filter((x) => x.level === 'error')]) io.stdout(`  ${describeProblem(pr)}\n`);
      } catch (e) {
        if (!(e instanceof XlsxError)) throw e;
        refused++;
        io.stderr(`${file}：已拒绝 — ${e.message}\n`);
      }
    }
    const change = formImportChange(previews, problems);
    if (!args.flag('dry-run') && ((change.appends?.length ?? 0) > 0 || (change.edits?.length ?? 0) > 0)) await ws.undo.commit(change);
    const failed = refused + unreadable;
    io.stdout(`${args.flag('dry-run') ? '（试运行）将' : '已'}记录 ${change.appends?.length ?? 0} 条进展${change.edits?.some((e) => e.table === 'problems') ? `、${answeredProblemRows(previews)} 条问题处理进展` : ''}（${files.length} 个文件：读入 ${previews.length} 个${failed ? `，拒绝 ${failed} 个` : ''}）\n`);
    return unreadable ? 'io' : refused ? 'refused' : 'ok';
  },
};

export const XLSX_COMMANDS: readonly Command[] = [xlsxExport, xlsxCity, xlsxForms, xlsxImportPlan, xlsxImportForms];
