/**
 * zwc xlsx …: the Excel round-trip on the command line, through the same shared/xlsx functions
 * and the same ledger service as the app. Data comes from a workspace folder (--workspace DIR,
 * the command line's storage) or, for exports, from a seeded plan file (--plan seeds/x.json).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FileStorage, WorkspaceFileError } from '../file-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { workspaceSettings, writeSetting, WORKSPACE_KEY } from '../../shared/app/settings';
import { ValidationError } from '../../shared/app/change';
import { loadSeedPlan, SeedError } from '../../shared/seed/load-seed';
import { readCityData } from '../../shared/app/city-overview-service';
import { countySummaries } from '../../shared/ledger/city-overview';
import type { PlanData } from '../../shared/ledger/plan-data';
import { DivisionCodeSchema } from '../../shared/domain/office';
import { chinaToday, defaultReportingPeriod, formatPeriodZh } from '../../shared/domain/time';
import { XlsxError, describeProblem } from '../../shared/xlsx/errors';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { exportPlanTables } from '../../shared/xlsx/export-tables';
import { exportCityWorkbook } from '../../shared/xlsx/city';
import { buildPlanImport, planImportChange, planRecordsOf, previewPlanImport, type PlanImportContext } from '../../shared/xlsx/plan-import';
import { parseColumnChoices } from '../../shared/xlsx/plan-import-columns';
import { buildAllForms, buildDepartmentForm, collectiveFormNotes, departmentsWithForms, formFileName, formImportChange, previewDepartmentForm, type FormPreview } from '../../shared/xlsx/dept-form';
import { formIssuer } from '../../shared/xlsx/form-guide';
import { collectiveNote, isCollectiveDepartment } from '../../shared/domain/collective-name';
import { fileKindRefusal, SPREADSHEET_EXTENSIONS } from '../../shared/xlsx/file-kind';
import { isSystemFileName, MAX_OPEN_FILES, matchesFilters } from '../../shared/platform/desktop-api';
import { DEFAULT_XLSX_LIMITS } from '../../shared/xlsx/safety';
import { EXIT, type CliIo } from '../zwc';

export const XLSX_USAGE = `  zwc xlsx export (--workspace DIR | --plan seed.json) --out tables.xlsx [--status 2025-06]
      导出任务清单、项目清单、指标体系（--status：加本期状态与进展列）/ export the official tables
  zwc xlsx city --workspace DIR --out city.xlsx [--period 2025-06]
      市级：各旗区汇总工作簿（报送情况、本月进展、项目清单、指标体系；市级选定的冲突取值有标注）/ the city's consolidated workbook
  zwc xlsx forms (--workspace DIR | --plan seed.json) --period 2025-06 (--out-dir DIR | --zip forms.zip) [--department 名称]
                 [--all] [--contact "联系人 电话"]
      生成各单位进展填报表，默认只发牵头单位（--all：含配合单位，其行为配合情况）/ department fill-in forms,
      lead units only unless --all (participants' rows are their own 配合情况); never a collective name;
      从工作区生成的表带本单位签发校验，改动隐藏编号的行导入时拒绝 / forms from a workspace are sealed
  zwc xlsx import-plan plan.xlsx --workspace DIR [--office 150627 --name 名称 --level county --parent 150600]
                       [--column 'E=title' …] [--valid-only] [--dry-run]
      从 Excel 实施方案导入（新工作区须给 --office 与 --name）；--column 指定未识别表头的列的内容，
      如 E=title、E=主要内容、任务清单!E=summary、E=不导入（与程序预览中的选择相同）/ import a plan
      (a new workspace needs --office, --name); --column gives an unrecognised column its meaning
  zwc xlsx import-forms a.xlsx b.xlsx 文件夹/ … --workspace DIR [--period 2025-06] [--dry-run]
      导入填回的填报表（多个文件或整个文件夹，每个文件一行结果；.xls/.et/.ods/.csv 说明如何另存为 .xlsx）；
      同一表重复导入不会重复记录 / import returned forms, files or folders; importing twice changes nothing
`;

class Usage extends Error {}

interface Parsed {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

const FLAGS = new Set(['valid-only', 'dry-run', 'all']);

function parse(argv: readonly string[]): Parsed {
  const out: Parsed = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    // --column may be given several times: its values are kept, comma-joined.
    const set = (v: string) => out.options.set(name, name === 'column' && out.options.has(name) ? `${out.options.get(name)},${v}` : v);
    if (FLAGS.has(name)) out.flags.add(name);
    else if (inline !== undefined) set(inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) set(argv[++i]);
    else throw new Usage(`选项 --${name} 缺少取值 / option --${name} needs a value`);
  }
  return out;
}

function allow(args: Parsed, names: readonly string[]): void {
  for (const n of args.options.keys()) if (!names.includes(n)) throw new Usage(`未知选项 --${n} / unknown option --${n}`);
}

function need(args: Parsed, name: string): string {
  const v = args.options.get(name);
  if (!v) throw new Usage(`缺少 --${name} / missing --${name}`);
  return v;
}

function period(args: Parsed, name = 'period'): string {
  const p = args.options.get(name) ?? defaultReportingPeriod();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(p)) throw new Usage(`--${name} 应为 YYYY-MM / --${name} must be YYYY-MM`);
  return p;
}

async function open(dir: string): Promise<Workspace> {
  return openWorkspace(FileStorage.open(dir));
}

async function planOf(args: Parsed, io: CliIo): Promise<PlanData> {
  return (await planSource(args, io)).plan;
}

/** The plan, and the workspace it came from (none for a seed file given with --plan). */
async function planSource(args: Parsed, io: CliIo): Promise<{ plan: PlanData; ws?: Workspace }> {
  const dir = args.options.get('workspace');
  const seed = args.options.get('plan');
  if (dir && seed) throw new Usage('--workspace 与 --plan 只能选一个 / give --workspace or --plan, not both');
  if (seed) {
    const bytes = await io.readFile(seed);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new XlsxError('corrupt', `${seed} 不是合法的 JSON`);
    }
    return { plan: { ...loadSeedPlan(json), progress: [], indicatorValues: [] } };
  }
  if (!dir) throw new Usage('缺少 --workspace 或 --plan / missing --workspace or --plan');
  const ws = await open(dir);
  const code = args.options.get('office') ?? (await workspaceSettings(ws.storage))?.officeCode;
  if (!code) throw new XlsxError('missing-sheet', `工作区 ${dir} 尚未设置单位，请加 --office`);
  return { plan: await ws.ledger.readPlan(code), ws };
}

export async function xlsxExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  allow(args, ['workspace', 'plan', 'office', 'out', 'status']);
  const out = need(args, 'out');
  const plan = await planOf(args, io);
  const status = args.options.has('status') ? period(args, 'status') : undefined;
  const wb = exportPlanTables(plan, { today: chinaToday(io.now()), ...(status ? { withStatus: status } : {}) });
  await io.writeFile(out, await writeWorkbook(wb));
  io.stdout(`已导出 ${plan.office.name}：任务 ${plan.tasks.length} 项、项目 ${plan.projects.length} 个、指标 ${plan.indicators.length} 项 → ${out}\n`);
  return EXIT.ok;
}

export async function xlsxCity(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  allow(args, ['workspace', 'office', 'out', 'period']);
  const ws = await open(need(args, 'workspace'));
  const code = args.options.get('office') ?? (await workspaceSettings(ws.storage))?.officeCode;
  if (!code) throw new Usage('缺少 --office / missing --office');
  const city = (await ws.ledger.readPlan(code)).office;
  const p = period(args);
  const today = chinaToday(io.now());
  const data = await readCityData(ws, code);
  const summaries = countySummaries({ cityCode: code, ...data, period: p, today });
  await io.writeFile(need(args, 'out'), await writeWorkbook(exportCityWorkbook({ city, period: p, today, summaries, plans: data.plans, cityChoices: data.cityChoices })));
  io.stdout(`已导出 ${city.name} ${formatPeriodZh(p)}汇总：${summaries.length} 个旗区，已报送 ${summaries.filter((s) => s.reportedForPeriod).length} 个\n`);
  return EXIT.ok;
}

export async function xlsxForms(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  allow(args, ['workspace', 'plan', 'office', 'period', 'out-dir', 'zip', 'department', 'contact']);
  const { plan, ws } = await planSource(args, io);
  const p = period(args);
  const today = chinaToday(io.now());
  const zip = args.options.get('zip');
  const dir = args.options.get('out-dir');
  if (!zip && !dir) throw new Usage('缺少 --out-dir 或 --zip / missing --out-dir or --zip');
  const contact = args.options.get('contact');
  // From a workspace, each form and row is sealed with the office's form secret (the import checks it);
  // a form made from a seed file has no office secret to seal with, and imports with a warning.
  const formSecret = ws ? await ws.formSecret() : undefined;
  const opts = { scope: args.flags.has('all') ? ('all' as const) : ('lead' as const), ...(contact ? { contact } : {}), ...(formSecret ? { formSecret } : {}) };
  const only = args.options.get('department');
  let targets = departmentsWithForms(plan, p, opts.scope);
  if (only) {
    const named = plan.departments.find((x) => x.name === only || x.aliases.includes(only));
    targets = targets.filter((d) => d.departmentId === named?.id);
    if (named && isCollectiveDepartment(named)) throw new XlsxError('wrong-form', `“${named.name}”是集合名称，不是一个能填写、报回的单位，不生成填报表`);
    if (!targets.length) throw new XlsxError('wrong-form', `单位“${only}”不在名录中，或本期没有需要填报的任务和项目${opts.scope === 'lead' ? '（只参与配合的单位请加 --all）' : ''}`);
  }
  const collectives = collectiveFormNotes(plan, p, opts.scope);
  const scopeWords = opts.scope === 'all' ? '牵头和配合单位' : '仅牵头单位';
  if (zip && !only) {
    const all = await buildAllForms(plan, p, today, opts);
    await io.writeFile(zip, all.bytes);
    io.stdout(`已生成 ${all.files.length} 个单位（${scopeWords}）的 ${formatPeriodZh(p)}填报表 → ${zip}\n`);
  } else {
    for (const t of targets) {
      const name = formFileName(plan, t.departmentId, p);
      await io.writeFile(join(dir ?? '.', name), await writeWorkbook(await buildDepartmentForm(plan, t.departmentId, p, today, opts)));
      io.stdout(`${name}\t${t.items} 项${t.participantItems ? `（其中配合情况 ${t.participantItems} 项）` : ''}\n`);
    }
    io.stdout(`共 ${targets.length} 个单位（${scopeWords}）\n`);
  }
  if (!only) for (const c of collectives) io.stdout(`${collectiveNote(c.name, formIssuer(plan).short)}（${c.tasks.length} 项任务${c.projects.length ? `、${c.projects.length} 个项目` : ''}）\n`);
  return EXIT.ok;
}

export async function xlsxImportPlan(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  allow(args, ['workspace', 'office', 'name', 'level', 'parent', 'column']);
  const [file] = args.positional;
  if (!file) throw new Usage('缺少要导入的 .xlsx 文件 / missing the .xlsx file');
  const dir = need(args, 'workspace');
  const ws = await open(dir);
  const settings = await workspaceSettings(ws.storage);
  const wb = await readWorkbook(await io.readFile(file));
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const existing = settings ? await ws.ledger.readPlan(settings.officeCode) : null;
  const code = settings?.officeCode ?? args.options.get('office');
  if (!code || !DivisionCodeSchema.safeParse(code).success) throw new Usage('新工作区须给 --office（6 位行政区划代码）/ a new workspace needs --office CODE');
  let ctx: PlanImportContext = { fileName, officeCode: code, existing };
  let preview = previewPlanImport(wb, ctx);
  const columnSpecs = args.options.get('column');
  if (columnSpecs !== undefined) {
    // What the app's preview allows: a meaning for each unrecognised column, then the file is read again.
    const { choices, errors } = parseColumnChoices([columnSpecs], preview.sheets);
    if (errors.length) throw new Usage(`--column：${errors.join('\n')}`);
    ctx = { ...ctx, columns: choices };
    preview = previewPlanImport(wb, ctx);
  }
  for (const s of preview.sheets) io.stdout(`工作表「${s.name}」：${({ tasks: '任务清单', projects: '项目清单', indicators: '指标体系' } as const)[s.kind]}，表头在第 ${s.headerRow} 行，读到 ${s.rows} 行\n`);
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
  if (preview.counts.error && !args.flags.has('valid-only')) {
    io.stderr('有错误行，未写入任何记录；修改文件后重试，或加 --valid-only 只导入无误的行\n');
    return EXIT.refused;
  }
  const built = buildPlanImport(preview, ctx, { validOnly: args.flags.has('valid-only') });
  for (const f of built.failed) io.stdout(`错误：${describeProblem(f)}\n`);
  if (args.flags.has('dry-run')) {
    io.stdout('（试运行，未写入）\n');
    return EXIT.ok;
  }
  if (existing) {
    await ws.ledger.apply(planImportChange(built, fileName));
  } else {
    const name = args.options.get('name') ?? preview.meta.office?.name;
    if (!name) throw new Usage('新工作区须给 --name（单位名称）/ a new workspace needs --name');
    const level = (args.options.get('level') ?? preview.meta.office?.level ?? 'county') as 'city' | 'county';
    const parent = args.options.get('parent') ?? preview.meta.office?.parentCode ?? null;
    await ws.ledger.loadPlan(planRecordsOf(built, { code, name, level, parentCode: parent }));
    await ws.storage.transaction((tx) => writeSetting(tx, WORKSPACE_KEY, { officeCode: code, role: level, setupAt: io.now().toISOString() }));
  }
  io.stdout(`已导入：任务 ${built.tasks.length} 项、项目 ${built.projects.length} 个、指标 ${built.indicators.length} 项、新增单位 ${built.departments.length} 个\n`);
  return EXIT.ok;
}

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
  if (out.length > MAX_OPEN_FILES) throw new Usage(`一次最多导入 ${MAX_OPEN_FILES} 个文件，这次有 ${out.length} 个，请分批导入 / at most ${MAX_OPEN_FILES} files at once`);
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

export async function xlsxImportForms(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  allow(args, ['workspace', 'period']);
  if (!args.positional.length) throw new Usage('缺少要导入的填报表或文件夹 / no forms given');
  const ws = await open(need(args, 'workspace'));
  const settings = await workspaceSettings(ws.storage);
  if (!settings) throw new XlsxError('wrong-office', '工作区尚未设置单位');
  const plan = await ws.ledger.readPlan(settings.officeCode);
  const p = period(args);
  const files = await formFiles(args.positional, io);
  const formSecret = await ws.formSecret();
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
      const preview = previewDepartmentForm(wb, { fileName: file, plan, period: p, deviceId: ws.deviceId, formSecret, now: io.now() });
      previews.push(preview);
      const c = preview.counts;
      io.stdout(`${file}：${preview.departmentName}，新进展 ${c.new} 条，已导入过 ${c.unchanged} 条，未填 ${c.empty} 行，错误 ${c.error} 行\n`);
      for (const pr of [...preview.problems, ...preview.rows.flatMap((r) => r.problems).filter((x) => x.level === 'error')]) io.stdout(`  ${describeProblem(pr)}\n`);
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      refused++;
      io.stderr(`${file}：已拒绝 — ${e.message}\n`);
    }
  }
  const change = formImportChange(previews);
  if (!args.flags.has('dry-run') && ((change.appends?.length ?? 0) > 0 || (change.edits?.length ?? 0) > 0)) await ws.ledger.apply(change);
  const failed = refused + unreadable;
  io.stdout(`${args.flags.has('dry-run') ? '（试运行）将' : '已'}记录 ${change.appends?.length ?? 0} 条进展（${files.length} 个文件：读入 ${previews.length} 个${failed ? `，拒绝 ${failed} 个` : ''}）\n`);
  return unreadable ? EXIT.io : refused ? EXIT.refused : EXIT.ok;
}

/** `zwc xlsx <sub> …`; errors become exit codes here, the way zwc's main does for its commands. */
export async function xlsxMain(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const commands: Record<string, (a: readonly string[], io: CliIo) => Promise<number>> = {
    export: xlsxExport,
    city: xlsxCity,
    forms: xlsxForms,
    'import-plan': xlsxImportPlan,
    'import-forms': xlsxImportForms,
  };
  try {
    const run = sub ? commands[sub] : undefined;
    if (!run) throw new Usage(sub ? `未知命令 / unknown command: xlsx ${sub}` : '缺少子命令 / missing subcommand');
    return await run(rest, io);
  } catch (e) {
    if (e instanceof Usage) {
      io.stderr(`${e.message}\n\n用法 / Usage:\n${XLSX_USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof XlsxError || e instanceof ValidationError || e instanceof SeedError) {
      io.stderr(`无效 / invalid: ${e.message}\n`);
      return EXIT.refused;
    }
    if (e instanceof WorkspaceFileError || (e instanceof Error && 'code' in e && typeof (e as { code: unknown }).code === 'string' && /^E[A-Z]+$/.test((e as { code: string }).code))) {
      io.stderr(`错误 / error: ${e.message}\n`);
      return EXIT.io;
    }
    throw e;
  }
}
