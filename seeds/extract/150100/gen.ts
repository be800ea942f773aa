/**
 * Generator for seeds/150100-hohhot.json from ../shared/seeds/002_254e334816a2e296.txt
 * (呼和浩特市“十四五”时期“无废城市”建设实施方案). Re-run with:
 *   npx tsx .tmp/p150100/gen.ts && npx tsx scripts/check-seed.ts seeds/150100-hohhot.json
 *
 * The tables in 002 are tab-separated. The parse is generic; everything it gets wrong is fixed
 * below by row number (FIX_* tables), and every place that stays uncertain gets a review flag.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeadline } from '../../../shared/domain/parse-deadline';
import { parseTarget } from '../../../shared/domain/parse-target';
import type { IndicatorDirection, IndicatorQuantity, IndicatorTarget } from '../../../shared/domain/indicator';
import type { DepartmentKind } from '../../../shared/domain/department';
import type { TaskDomain } from '../../../shared/domain/task';
import type { SeedPlan, SeedTask, SeedProject, SeedIndicator, SeedDepartment } from '../../../shared/seed/seed-schema';
import { SeedPlanSchema } from '../../../shared/seed/seed-schema';

const ROOT = join(__dirname, '../../..');
const FILE = '002_254e334816a2e296.txt';
const SRC = join(ROOT, '../shared/seeds', FILE);
const OUT = join(ROOT, 'seeds/150100-hohhot.json');

const lines = readFileSync(SRC, 'utf8').split('\n');
const lineAt = (n: number) => lines[n - 1] ?? '';
const src = (section: string, line: number) => ({ file: FILE, section, line });
type Flag = { field: string; reason: string };

function findLine(re: RegExp, from = 1): number {
  for (let i = from; i <= lines.length; i++) if (re.test(lineAt(i))) return i;
  throw new Error(`line not found: ${re}`);
}

/** Main-text items (二、主要任务) the fixes below cross-read; lines where their 牵头单位/责任单位 are printed. */
const MAIN_2_1 = findLine(/^托克托县和清水河县等地为重点/);
const MAIN_2_4 = findLine(/^4\. 完善扶持政策/);
const MAIN_3_5 = findLine(/^5\. 强化风险防范/);
const MAIN_4_1 = findLine(/^1\. 推动产业布局优化/);
const MAIN_5_2 = findLine(/^2\. 深化生活垃圾源头分类投放/);
const MAIN_5_3 = findLine(/^用信息化平台/);

/* ------------------------------------------------------------------ departments */

const departments: SeedDepartment[] = [];
const depIndex = new Map<string, SeedDepartment>();

const COUNTY_CODES: Record<string, string> = {
  新城区: '150102',
  回民区: '150103',
  玉泉区: '150104',
  赛罕区: '150105',
  土默特左旗: '150121',
  托克托县: '150122',
  和林格尔县: '150123',
  清水河县: '150124',
  武川县: '150125',
};
const ALL_COUNTIES = Object.values(COUNTY_CODES).sort();

interface DepSpec {
  kind: DepartmentKind;
  aliases?: string[];
  officeCodes?: string[];
  review?: Flag[];
}
const DEP_SPECS: Record<string, DepSpec> = {
  市工业和信息化局: { kind: 'department', aliases: ['市工信局'] },
  市金融工作办公室: { kind: 'department', aliases: ['市金融办'] },
  市供销合作社联合社: { kind: 'department', aliases: ['市供销社'] },
  '市“无废办”': { kind: 'department', aliases: ['“无废办”'] },
  市各相关部门: { kind: 'collective', aliases: ['各相关部门'] },
  各旗县区人民政府: { kind: 'all-subordinate-offices', aliases: ['各旗县区'], officeCodes: ALL_COUNTIES },
  经济技术开发区管委会: { kind: 'park', aliases: ['经济技术开发区'] },
  和林格尔新区管委会: { kind: 'park', aliases: ['和林格尔新区'] },
  高新区: {
    kind: 'park',
    review: [
      {
        field: 'name',
        reason:
          `任务清单生活源第4、5项写“各旗县区、经济技术开发区、高新区内的……”，未写全称；方案正文对应条目（五）2、3（第${MAIN_5_2}、${MAIN_5_3}行）在同一位置写的是“和林格尔新区管委会”，此处“高新区”是指金山高新技术产业开发区还是和林格尔新区，需核实`,
      },
    ],
  },
  和林格尔县经济开发区管理委员会: { kind: 'park' },
  武川县农牧和科技局: { kind: 'department' },
};
for (const [county, code] of Object.entries(COUNTY_CODES)) {
  DEP_SPECS[`${county}人民政府`] = { kind: 'subordinate-office', officeCodes: [code] };
}
const ENTERPRISE = /有限公司|有限责任公司|集团/;

function registerDepartment(name: string, source: { file: string; section: string; line: number }): string {
  if (!depIndex.has(name)) {
    const spec = DEP_SPECS[name] ?? { kind: ENTERPRISE.test(name) ? 'enterprise' : 'department' };
    if (!DEP_SPECS[name] && !/^市/.test(name) && !ENTERPRISE.test(name)) throw new Error(`unknown department kind: ${name}`);
    const d: SeedDepartment = {
      name,
      aliases: spec.aliases ?? [],
      kind: spec.kind,
      ...(spec.officeCodes ? { officeCodes: spec.officeCodes } : {}),
      source,
      ...(spec.review ? { review: spec.review } : {}),
    };
    depIndex.set(name, d);
    departments.push(d);
  }
  return name;
}

/**
 * Unit names as the tables write them → the name used in this seed. In a list such as
 * "市工业和信息化局、生态环境局" the 市 of the first name carries to the others, so the bare forms map
 * to the 市 department. Misprints map to the unit they plainly mean; the tasks using them are flagged
 * or listed in notes.
 */
const SURFACES: [string, string][] = [
  ['市生态环境局', '市生态环境局'],
  ['生态环境局', '市生态环境局'],
  ['市“无废办”', '市“无废办”'],
  ['市委改革委员会', '市发展和改革委员会'],
  ['市发展和改革委员会', '市发展和改革委员会'],
  ['发展和改革委员会', '市发展和改革委员会'],
  ['市自然资源源局', '市自然资源局'],
  ['市自然资源局', '市自然资源局'],
  ['自然资源局', '市自然资源局'],
  ['市住房和城乡建设局', '市住房和城乡建设局'],
  ['住房和城乡建设局', '市住房和城乡建设局'],
  ['市工业和信息化局', '市工业和信息化局'],
  ['工业和信息化局', '市工业和信息化局'],
  ['市交通运输局', '市交通运输局'],
  ['交通运输局', '市交通运输局'],
  ['市科学技术局', '市科学技术局'],
  ['市财政局', '市财政局'],
  ['财政局', '市财政局'],
  ['园林建设服务中心', '市园林建设服务中心'],
  ['市金融办', '市金融工作办公室'],
  ['金融工作办公室', '市金融工作办公室'],
  ['市农牧局', '市农牧局'],
  ['市农业农村局', '市农牧局'],
  ['市乡村振兴局', '市乡村振兴局'],
  ['市城市管理局综合执法局', '市城市管理综合执法局'],
  ['市城市管理综合执法局', '市城市管理综合执法局'],
  ['城市管理综合执法局', '市城市管理综合执法局'],
  ['市供销社', '市供销合作社联合社'],
  ['供销社', '市供销合作社联合社'],
  ['市市场监督管理局', '市市场监督管理局'],
  ['市场监督管理局', '市市场监督管理局'],
  ['市机关事务局', '市机关事务局'],
  ['市卫生健康委员会', '市卫生健康委员会'],
  ['卫生健康委员会', '市卫生健康委员会'],
  ['教育局', '市教育局'],
  ['市商务局', '市商务局'],
  ['商务局', '市商务局'],
  ['文化旅游广电局', '市文化旅游广电局'],
  ['市邮政管理局', '市邮政管理局'],
  ['市应急管理局', '市应急管理局'],
  ['应急管理局', '市应急管理局'],
  ['公安局', '市公安局'],
  ['市公安局', '市公安局'],
  ['市委组织部', '市委组织部'],
  ['市统计局', '市统计局'],
  ['市科学技术局', '市科学技术局'],
  ['科学技术局', '市科学技术局'],
  ['各旗县区人民政府', '各旗县区人民政府'],
  ['托克托县人民政府', '托克托县人民政府'],
  ['清水河县人民政府', '清水河县人民政府'],
  ...Object.keys(COUNTY_CODES).map((b): [string, string] => [b, `${b}人民政府`]),
].sort((a, b) => b[0].length - a[0].length) as [string, string][];

/** Splits "A、B和C人民政府负责X" into units and the duty text after them. */
function unitsAndDuty(segment: string): { units: string[]; duty: string } {
  let pos = 0;
  const units: string[] = [];
  for (;;) {
    const hit = SURFACES.find(([s]) => segment.startsWith(s, pos));
    if (!hit) break;
    units.push(hit[1]);
    pos += hit[0].length;
    if (hit[1].endsWith('人民政府') && !hit[0].endsWith('人民政府') && segment.startsWith('人民政府', pos)) pos += 4;
    const sep = /^[、和]/.exec(segment.slice(pos));
    if (!sep || !SURFACES.some(([s]) => segment.startsWith(s, pos + sep[0].length))) break;
    pos += sep[0].length;
  }
  if (!units.length) throw new Error(`no unit at start of: ${segment}`);
  // a county list ends with 人民政府 once for all: "土默特左旗、武川县…和清水河县人民政府"
  const duty = segment.slice(pos).replace(/^[，,]/, '').replace(/[。；]+$/, '').trim();
  return { units, duty };
}

type Unit = { department: string; duty?: string };
function parseUnits(cell: string): Unit[] {
  const c = cell.trim().replace(/。$/, '');
  if (c === '—' || c === '') return [];
  const out: Unit[] = [];
  for (const seg of c.split('；')) {
    const { units, duty } = unitsAndDuty(seg.trim());
    for (const u of units) out.push(duty ? { department: u, duty } : { department: u });
  }
  return out;
}

/* ------------------------------------------------------------------ text helpers */

/** The project table wraps cell text with a space at each line end; CJK text has no spaces. */
function unwrap(s: string): string {
  return s
    .replace(/m ?(?:\^|\s)?3(?!\d)|m ?³/g, 'm³')
    .replace(/m ?(?:\^|\s)?2(?!\d)|m ?²/g, 'm²')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u0080-\uffff]) (?=\S)|(?<=\S) (?=[\u0080-\uffff])/g, '')
    .trim();
}

/* ------------------------------------------------------------------ indicators */

const MARKER_NOTE = '表注：★为自选指标';
const INDICATOR_TABLE = findLine(/^2\. 指标体系/);
const INDICATOR_END = findLine(/^注：★为自选指标/);

interface IndRow {
  n: number;
  line: number;
  l1: string;
  l2: string;
  name: string;
  base: string;
  target: string;
  unit: string;
  resp: string;
}

/**
 * Rows 34–49 lost their column positions (merged cells of the 保障能力 / 群众获得感 blocks). Each is
 * read here from its cells as printed: l1/l2 '' means "same as the row above".
 */
const FIX_INDICATOR_CELLS: Record<number, (f: string[]) => Omit<IndRow, 'n' | 'line'>> = {
  // 34	''	保障能力	制度体系建设	name	—	>5	个	市“无废办”
  34: (f) => ({ l1: f[2], l2: f[3], name: f[4], base: f[5], target: f[6], unit: f[7], resp: f[8] }),
  // 35	''	''	''	name	—	建立完善协调机制	''	市“无废办”
  35: (f) => ({ l1: '', l2: '', name: f[4], base: f[5], target: f[6], unit: f[7], resp: f[8] }),
  // 36	name	''	''	—	建立考核办法	''	市“无废办”
  36: (f) => ({ l1: '', l2: '', name: f[1], base: f[4], target: f[5], unit: f[6], resp: f[7] }),
  37: (f) => ({ l1: '', l2: '', name: f[1], base: f[4], target: f[5], unit: f[6], resp: f[7] }),
  // 38	市场体系建设	''	name	—	222	亿元	…
  38: (f) => ({ l1: '', l2: f[1], name: f[3], base: f[4], target: f[5], unit: f[6], resp: f[7] }),
  // 47	''	''	群众获得感	name	—	85	%   (责任单位 cell missing)
  47: (f) => ({ l1: f[3], l2: f[3], name: f[4], base: f[5], target: f[6], unit: f[7], resp: '' }),
  // 48	''	name	''	—	85	%	市“无废办”
  48: (f) => ({ l1: '', l2: '', name: f[2], base: f[4], target: f[5], unit: f[6], resp: f[7] }),
  49: (f) => ({ l1: '', l2: '', name: f[2], base: f[4], target: f[5], unit: f[6], resp: f[7] }),
};

const LEVEL1_PRINTED_40 = '固体废物最终处置';

const DIRECTION: Record<number, IndicatorDirection> = {
  1: 'lower',
  2: 'lower',
  10: 'lower',
  35: 'qualitative',
  36: 'qualitative',
  42: 'qualitative',
};
const CUMULATIVE = new Set([4, 16, 17, 34, 37, 38, 40, 41]);

/** 责任单位 cells: "市工业和信息化局、生态环境局（市统计局提供数据）", "各旗县区人民政府，经济技术开发区、和林格尔新区管委会，市工业和信息化局". */
function responsibleOf(cell: string): string[] {
  const out: string[] = [];
  let c = cell.trim();
  const data = /（(市统计局)提供数据）$/.exec(c);
  if (data) c = c.slice(0, data.index);
  c = c.replace('经济技术开发区、和林格尔新区管委会', '经济技术开发区管委会、和林格尔新区管委会');
  for (const part of c.split(/[、，]/).filter(Boolean)) {
    if (part === '经济技术开发区管委会' || part === '和林格尔新区管委会' || part === '各旗县区人民政府') out.push(part);
    else {
      const { units, duty } = unitsAndDuty(part);
      if (duty) throw new Error(`responsible cell has text after units: ${cell}`);
      out.push(...units);
    }
  }
  if (data) out.push(data[1]);
  return out;
}

function quantity(text: string): IndicatorQuantity | null {
  const t = text.trim();
  if (t === '' || t === '—') return null;
  const m = /^-?\d+(\.\d+)?$/.exec(t);
  if (!m) return { kind: 'text', text: t };
  const value = Number(t);
  return String(value) === t ? { kind: 'number', value } : { kind: 'number', value, text: t };
}

const indicators: SeedIndicator[] = [];
{
  let l1 = '';
  let l2 = '';
  for (let ln = INDICATOR_TABLE; ln < INDICATOR_END; ln++) {
    const f = lineAt(ln).split('\t');
    if (!/^\d+$/.test(f[0])) continue;
    const n = Number(f[0]);
    const cells = FIX_INDICATOR_CELLS[n]
      ? FIX_INDICATOR_CELLS[n](f)
      : { l1: f[1], l2: f[2], name: f[3], base: f[4], target: f[5], unit: f[6], resp: f[7] };
    const row: IndRow = { n, line: ln, ...cells };
    const review: Flag[] = [];
    if (row.l1) l1 = row.l1;
    if (row.l2) l2 = row.l2;
    let level1 = l1;
    if (n >= 40 && n <= 46) {
      // Page 4 of the table prints 固体废物最终处置 as the level-1 cell of rows 40–46.
      level1 = '保障能力';
      review.push({
        field: 'level1',
        reason: `表格第4页（第${findLine(/^40\t/, INDICATOR_TABLE)}行）一级指标栏印作“${LEVEL1_PRINTED_40}”；${row.l2 || l2}属国家指标体系“保障能力”下的二级指标，本方案第34—39行的制度体系建设、市场体系建设也列在“保障能力”下，故按“保障能力”录入，需对照原表核实`,
      });
    }
    if (n >= 47) level1 = '群众获得感';
    const marker = /★/.test(row.name) ? 'national' : null;
    const name = row.name.replace(/★/g, '').trim();
    const unit = row.unit.trim() || null;
    const direction: IndicatorDirection = DIRECTION[n] ?? 'higher';
    const base = quantity(row.base);
    let target: IndicatorTarget = parseTarget(row.target.trim(), direction);
    if (n === 21 || n === 22) {
      target = { kind: 'text', text: row.target.trim() };
      review.push({
        field: 'targets[0].target',
        reason: `目标值印作“负增长”，当指“施用量负增长”；而本指标数值是“亩均下降幅度”（${n === 21 ? '现状值2%，' : '现状值也印作“负增长”，'}越大越好），按趋势“降低”比较下降幅度会判反，故存为文字目标，由人工判定`,
      });
    }
    const resp = row.resp ? responsibleOf(row.resp) : [];
    if (n === 47) {
      review.push({
        field: 'responsibleDepartments',
        reason: `本行在提取文本中只有8格（第${ln}行），列整体右移，责任单位一栏缺失；第48、49行的责任单位为市“无废办”，本行可能相同，需对照原表核实`,
      });
      review.push({
        field: 'level2',
        reason: '“群众获得感”在表中只印一次（列位右移）；按国家指标体系，第47—49行的一级、二级指标均取“群众获得感”',
      });
    }
    const notes: string[] = [];
    if (marker) notes.push(MARKER_NOTE);
    if (/提供数据/.test(row.resp)) notes.push(`责任单位原文：${row.resp}`);
    indicators.push({
      number: String(n),
      level1,
      level2: n >= 47 ? '群众获得感' : l2,
      name,
      marker,
      unit,
      direction,
      baseline: base ? { year: 2020, value: base } : null,
      targets: [{ year: 2025, target }],
      cumulative: CUMULATIVE.has(n),
      responsibleDepartments: resp.map((d) => registerDepartment(d, src(`指标体系 责任单位 第${n}项`, ln))),
      ...(notes.length ? { note: notes.join('；') } : {}),
      source: src(`一、总体要求（三）工作目标 2. 指标体系 ${level1}/${n >= 47 ? '群众获得感' : l2} 第${n}项`, ln),
      ...(review.length ? { review } : {}),
    });
  }
}

/* ------------------------------------------------------------------ tasks */

const TASK_TABLE = findLine(/^任务清单$/, INDICATOR_END);
const PROJECT_TABLE = findLine(/^项目清单$/, TASK_TABLE);

const DOMAINS: Record<string, TaskDomain> = {
  体制机制建设: 'institutional',
  工业固体废物领域: 'industrial',
  农业固体废物领域: 'agricultural',
  生活源固体废物领域: 'domestic',
  建筑垃圾领域: 'construction',
  危险废物领域: 'hazardous',
};

const COUNTY_LIST = (names: string[]) => names.map((b) => `${b}人民政府`);

interface TaskFix {
  leads?: Unit[];
  participants?: Unit[];
  review?: Flag[];
}
/** Keyed "domainLabel number". */
const FIX_TASK: Record<string, TaskFix> = {
  '体制机制建设 1': {
    // 各相关部门和旗县区、经济技术开发区、和林格尔新区配合。
    participants: [
      { department: '市各相关部门', duty: '配合' },
      { department: '各旗县区人民政府', duty: '配合' },
      { department: '经济技术开发区管委会', duty: '配合' },
      { department: '和林格尔新区管委会', duty: '配合' },
    ],
  },
  '工业固体废物领域 1': {
    review: [
      {
        field: 'leads',
        reason:
          `牵头单位印作“市委改革委员会作为清洁能源主管部门”，本市无此单位；方案正文对应条目（二）1（第${MAIN_2_1}行）牵头单位为“市发展和改革委员会、住房和城乡建设局”，按“市发展和改革委员会”录入，需核实`,
      },
    ],
  },
  '工业固体废物领域 7': {
    review: [
      {
        field: 'title',
        reason: '任务名印作“编制系固煤综合度利用方案”，语序错乱；据内容简介当为“编制煤系固废综合利用方案”，按原文保留，需核实',
      },
    ],
  },
  '工业固体废物领域 8': {
    // 市工业和信息化局、生态环境局、发展和改革委员会、固体废物综合利用企业建设和推进。
    participants: ['市工业和信息化局', '市生态环境局', '市发展和改革委员会'].map((d) => ({ department: d, duty: '固体废物综合利用企业建设和推进' })),
    review: [
      {
        field: 'participants',
        reason:
          '责任单位栏印作“市工业和信息化局、生态环境局、发展和改革委员会、固体废物综合利用企业建设和推进”，句中疑缺“负责”；按三个部门共同负责“固体废物综合利用企业建设和推进”录入，“固体废物综合利用企业”未作为单位录入，需核实',
      },
    ],
  },
  '工业固体废物领域 9': {
    review: [
      {
        field: 'leads',
        reason: `牵头单位栏为“—”，本项没有牵头单位；方案正文对应条目（二）4（第${MAIN_2_4}行）的牵头单位为市交通运输局，需核实本项是否应有牵头单位`,
      },
      {
        field: 'participants[0].duty',
        reason: '市发展和改革委员会的分工印作“负责项目环评审批”，与下一句市生态环境局“负责环评审批”重复；据内容简介（立项、环评、用地和能耗等审批）疑为“负责项目立项审批”，按原文保留，需核实',
      },
      {
        field: 'title',
        reason: '任务名印作“缩短系固煤综合利用项目审批周期”，“系固煤”当为“煤系固废”；按原文保留，需核实',
      },
    ],
  },
  '工业固体废物领域 24': {
    leads: COUNTY_LIST(['武川县', '新城区', '和林格尔县', '清水河县']).map((d) => ({ department: d, duty: '负责组织实施制定整改方案' })),
    review: [
      {
        field: 'leads',
        reason:
          `牵头单位印作“各相关旗县区人民政府”，未写明是哪些旗县区；按方案正文对应条目（三）5（第${MAIN_3_5}行）点名的武川县、新城区、和林格尔县、清水河县人民政府录入，需核实`,
      },
    ],
  },
  '工业固体废物领域 25': {
    participants: COUNTY_LIST(['新城区', '和林格尔县', '清水河县']).map((d) => ({ department: d, duty: '负责打造历史遗留矿（砂）坑治理修复典型示范项目' })),
    review: [
      {
        field: 'participants',
        reason:
          '责任单位印作“各项目所在旗县区负责打造历史遗留矿（砂）坑治理修复典型示范项目”；按本行内容简介点名的示范项目所在地新城区、和林格尔县、清水河县录入（东沟门村“清废销号”示范项目所在旗县区未写明），需核实',
      },
    ],
  },
  '农业固体废物领域 1': {
    participants: COUNTY_LIST(['和林格尔县', '土默特左旗', '托克托县', '赛罕区', '武川县', '清水河县']).map((d) => ({ department: d, duty: '负责对应的建设工作' })),
    review: [
      {
        field: 'participants',
        reason:
          `责任单位印作“各项目所在旗县区负责对应的建设工作”；按本行内容简介点名的和林格尔县、土默特左旗、托克托县、赛罕区、武川县、清水河县录入（与方案正文（四）1 第${MAIN_4_1}行的责任单位一致），需核实`,
      },
      {
        field: 'summary',
        reason:
          `内容简介后半句在提取文本中重复四次且不成句（“构建北部山区统推区；在清水河县、和林格尔县北部等山区统推区；……”），按提取原文保留；方案正文（四）1（第${MAIN_4_1}行）写作“构建北部种养补充区；在清水河县、和林格尔县北部等山区统筹推进奶山羊养殖，构建特色养殖区”，需对照原表核实`,
      },
    ],
  },
  '农业固体废物领域 7': {
    review: [
      {
        field: 'leads',
        reason: '牵头单位印作“市农业农村局”；本方案其余各处均为“市农牧局”（呼和浩特市设农牧局），按“市农牧局”录入，需核实',
      },
    ],
  },
  '农业固体废物领域 8': {
    // 市乡村振兴局、城市管理综合执法局、城市生活垃圾回收；市农牧局负责农膜与废弃农药包装回收；市供销社负责其它农业投入品回收；市生态环境局负责开展废弃农药包装回收。
    leads: [{ department: '市农牧局', duty: '负责牵头推进；负责农膜与废弃农药包装回收' }],
    participants: [
      { department: '市乡村振兴局', duty: '城市生活垃圾回收' },
      { department: '市城市管理综合执法局', duty: '城市生活垃圾回收' },
      { department: '市供销合作社联合社', duty: '负责其它农业投入品回收' },
      { department: '市生态环境局', duty: '负责开展废弃农药包装回收' },
    ],
    review: [
      {
        field: 'participants',
        reason:
          '责任单位栏首句印作“市乡村振兴局、城市管理综合执法局、城市生活垃圾回收”，疑缺“负责”，且本项为农村回收体系，“城市生活垃圾”或为“农村生活垃圾”之误；按两单位分工“城市生活垃圾回收”录入。栏中“市农牧局负责农膜与废弃农药包装回收”并入其牵头分工',
      },
    ],
  },
  '生活源固体废物领域 4': {
    // 市生态环境局负责配合开展垃圾分类宣传，各旗县区、经济技术开发区、高新区内的生活垃圾分类投放工作。
    participants: [
      { department: '市生态环境局', duty: '负责配合开展垃圾分类宣传' },
      ...['各旗县区人民政府', '经济技术开发区管委会', '高新区'].map((d) => ({ department: d, duty: '各旗县区、经济技术开发区、高新区内的生活垃圾分类投放工作' })),
    ],
  },
  '生活源固体废物领域 5': {
    // 市商务局、供销社、住房和城乡建设局、再生资源回收体系建设；市邮政管理局负责快递包裹回收设施建设；各旗县区、经济技术开发区、高新区内的生活垃圾分类收运工作。
    participants: [
      ...['市商务局', '市供销合作社联合社', '市住房和城乡建设局'].map((d) => ({ department: d, duty: '再生资源回收体系建设' })),
      { department: '市邮政管理局', duty: '负责快递包裹回收设施建设' },
      ...['各旗县区人民政府', '经济技术开发区管委会', '高新区'].map((d) => ({ department: d, duty: '各旗县区、经济技术开发区、高新区内的生活垃圾分类收运工作' })),
    ],
  },
};

/** 时间安排 → yearly milestones: "2023年A，2024年、2025年B" → [2023] A, [2024, 2025] B. */
function milestonesOf(text: string): { years: number[]; text: string }[] {
  const t = text.trim().replace(/。$/, '');
  const range = /^(\d{4})年—(\d{4})年(.*)$/.exec(t);
  if (range) {
    const years: number[] = [];
    for (let y = Number(range[1]); y <= Number(range[2]); y++) years.push(y);
    return [{ years, text: range[3] || '持续推进' }];
  }
  const starts = [...t.matchAll(/(?:^|(?<=[，；]))(\d{4}年(?:、\d{4}年)*)/g)];
  if (!starts.length || starts[0].index !== 0) throw new Error(`时间安排 does not start with a year: ${text}`);
  return starts.map((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : t.length;
    const body = t.slice(m.index + m[0].length, end).replace(/^[，；]+|[，；]+$/g, '');
    return { years: [...m[1].matchAll(/\d{4}/g)].map((y) => Number(y[0])), text: body };
  });
}

const tasks: SeedTask[] = [];
const usedFixes = new Set<string>();
{
  let label = '';
  for (let ln = TASK_TABLE; ln < PROJECT_TABLE; ln++) {
    const raw = lineAt(ln);
    const f = raw.split('\t');
    const heading = f[0].trim();
    if (DOMAINS[heading] && f.slice(1).every((x) => !x.trim())) {
      label = heading;
      continue;
    }
    if (!/^\d+$/.test(heading)) continue;
    if (f.length !== 6) throw new Error(`task row with ${f.length} cells at line ${ln}`);
    const [num, title, summary, leadCell, partCell, timeCell] = f.map((x) => x.trim());
    const key = `${label} ${num}`;
    const fix = FIX_TASK[key] ?? {};
    if (FIX_TASK[key]) usedFixes.add(key);
    const where = src(`附件5 任务清单 ${label} 第${num}项`, ln);
    const leads = fix.leads ?? parseUnits(leadCell);
    const participants = (fix.participants ?? parseUnits(partCell)).map((p) => ({ ...p, role: '责任' as const }));
    for (const u of [...leads, ...participants]) registerDepartment(u.department, where);
    tasks.push({
      domain: DOMAINS[label],
      domainLabel: label,
      number: num,
      title,
      summary,
      leads,
      participants,
      leaders: [],
      deadline: parseDeadline(timeCell),
      milestones: milestonesOf(timeCell),
      source: where,
      ...(fix.review ? { review: fix.review } : {}),
    });
  }
  for (const k of Object.keys(FIX_TASK)) if (!usedFixes.has(k)) throw new Error(`unused task fix ${k}`);
}

/* ------------------------------------------------------------------ projects */

interface ProjectFix {
  name?: string;
  content?: string;
  responsible?: string[];
  review?: Flag[];
}
const FIX_PROJECT: Record<string, ProjectFix> = {
  '2': {
    review: [
      {
        field: 'name',
        reason:
          '项目名称栏在提取文本中残缺，印作“50 万吨粉煤 综合利 80 万立 土加 项目”（每行末字丢失）；据工程建设内容当为“50万吨粉煤灰综合利用及80万立方混凝土加气块……项目”，按提取原文保留，需对照原表核实',
      },
    ],
  },
  '5': {
    responsible: ['清水河县人民政府'],
    review: [{ field: 'responsibleUnits', reason: '责任单位印作“清水县人民政府”，本市无清水县；据项目名称“清水河县沿黄沿线沿山废弃矿山修复治理项目”按清水河县人民政府录入' }],
  },
  '6': {
    review: [
      {
        field: 'plannedInvestment',
        reason:
          '投资印作1262700万元（约126亿元），是全部项目投资的大半，与工程规模（治理区总面积36.23×10⁴m²）相比异常偏大，疑为多印数字或单位有误；按原文录入，需核实',
      },
      {
        field: 'content',
        reason: '提取文本中面积写作公式标记（如“$4.80 \\times 104m^2$”），“104”为10⁴；已改写为“4.80×10⁴m²”等形式，数字未改',
      },
    ],
  },
  '7': { responsible: COUNTY_LIST(['土默特左旗', '回民区', '新城区', '武川县']) },
  '13': { responsible: ['和林格尔县人民政府', '市住房和城乡建设局'] },
};

function projectContent(n: string, text: string): string {
  // 项目6: "$4.80 \times 104m^2$" is 4.80×10⁴m² set as a formula in the PDF.
  const c = n === '6' ? text.replace(/\s*\$(\d+(?:\.\d+)?) \\times 104m\^2\$\s*/g, '$1×10⁴m²') : text;
  return unwrap(c);
}

const projects: SeedProject[] = [];
{
  const used = new Set<string>();
  for (let ln = PROJECT_TABLE; ln <= lines.length; ln++) {
    const f = lineAt(ln).split('\t');
    if (!/^\d+$/.test(f[0].trim())) continue;
    if (f.length !== 7) throw new Error(`project row with ${f.length} cells at line ${ln}`);
    const [num, nameCell, content, respCell, invest, benefit, due] = f.map((x) => x.trim());
    const fix = FIX_PROJECT[num] ?? {};
    if (FIX_PROJECT[num]) used.add(num);
    const where = src(`附件6 项目清单 第${num}项`, ln);
    const name = fix.name ?? (num === '2' ? nameCell : unwrap(nameCell));
    const responsible = fix.responsible ?? [unwrap(respCell)];
    if (!/^\d+(\.\d+)?$/.test(invest)) throw new Error(`investment ${invest} at ${ln}`);
    projects.push({
      number: num,
      name,
      content: projectContent(num, content),
      constructionUnits: [],
      responsibleUnits: responsible.map((d) => registerDepartment(d, where)),
      plannedInvestment: invest,
      period: null,
      deadline: parseDeadline(unwrap(due)),
      area: null,
      benefit: unwrap(benefit),
      source: where,
      ...(fix.review ? { review: fix.review } : {}),
    });
  }
  for (const k of Object.keys(FIX_PROJECT)) if (!used.has(k)) throw new Error(`unused project fix ${k}`);
}

/* ------------------------------------------------------------------ plan */

const starred = indicators.filter((i) => i.marker).length;
const titleLine = findLine(/呼和浩特市“十四五”时期/);
const plan: SeedPlan = {
  format: 'zwc-seed/1',
  office: { code: '150100', name: '呼和浩特市', level: 'city', parentCode: '150000' },
  plan: {
    title: lineAt(titleLine).replace(/\s+/g, ''),
    fromYear: 2021,
    toYear: 2025,
    source: src('标题', titleLine),
  },
  notes: [
    `本文件（002）只有方案正文和附件，没有印发通知、文号、印发日期和发文机关，故方案信息中不填文号（documentNumber）、印发日期（issuedOn）和发文机关（issuer）。标题取第${titleLine}行“呼和浩特市“十四五”时期 “无废城市”建设实施方案”（去掉提取产生的空格）。`,
    '起止年份取2021—2025年：本方案为“十四五”时期方案，指标现状值为2020年、目标值为2025年；任务清单的时间安排为2023—2025年。',
    `指标体系（第${INDICATOR_TABLE}—${INDICATOR_END}行）共49项，只有2020年现状值和2025年目标值；现状值为“—”的记为无现状值。表注“注：★为自选指标”（第${INDICATOR_END}行）：带★的${starred}项与国家“十四五”时期“无废城市”建设指标体系的必选指标一致，标记按★（national）录入，表注原文写入这些指标的 note，见方案信息的待核实项。`,
    '指标体系第34—49行（保障能力、群众获得感两块）在提取文本中列位错乱（合并单元格）：各行按所印单元格逐一辨认一级、二级、三级指标、现状值、目标值、单位和责任单位，一级、二级指标空白的沿用上一行；第40—46行印作“固体废物最终处置”的一级指标按“保障能力”录入并标注待核实。',
    '指标责任单位栏中“（市统计局提供数据）”的，市统计局列为责任单位之一，原文写入 note。“市工业和信息化局、生态环境局”等写法中“市”字贯穿全句，后面的单位按市级部门录入（如“生态环境局”即市生态环境局）；“经济技术开发区、和林格尔新区管委会”按两个管委会录入。',
    '“数量”类指标（绿色工厂、综合利用企业、法规文件、“无废细胞”、项目投资总额、标准规范、技术成果）按截至当年的累计数（cumulative）理解。',
    `任务取自附件5“任务清单”（第${TASK_TABLE}行起），共59项：体制机制建设2、工业固体废物领域25、农业固体废物领域10、生活源固体废物领域8、建筑垃圾领域5、危险废物领域9，各领域内编号从1起。体制机制建设对应 domain institutional，建筑垃圾领域对应 construction，生活源对应 domestic。方案正文“二、主要任务”中的同名任务未另行录入，只用于核对。`,
    '“牵头单位及任务分工”一栏拆为牵头单位及其分工（duty），“责任单位及任务分工”一栏拆为责任单位（role 为“责任”）及其分工；一句中列出几个单位的，分工文字分别记在每个单位上。栏中为“—”的，该项没有牵头单位或责任单位。',
    '“时间安排”按年份拆为分年度安排（milestones），如“2023年……，2024年、2025年……”拆为2023年和2024、2025年两条；“2023年—2025年持续推进”记为2023—2025年三年一条。完成时限（deadline）由时间安排原文解析，原文保留，最后一个年份为最终完成时限。',
    '任务清单中的明显笔误按所指单位录入：“市自然资源源局”（工业第9项）即市自然资源局，“市城市管理局综合执法局”（生活源第6项、建筑垃圾第1项）即市城市管理综合执法局，“住房和城乡建设局”（工业第2项，无“市”字）即市住房和城乡建设局，“市金融办”即市金融工作办公室，“供销社”“市供销社”即市供销合作社联合社；其余不能确定的（市委改革委员会、市农业农村局、各相关旗县区、各项目所在旗县区）已标注待核实。',
    '附件6“项目清单”（第' + PROJECT_TABLE + '行起）共24项，只有工程建设内容、责任单位、投资（万元）、效益分析、完成时限；没有建设单位、建设周期和实施区域，这些字段留空（建设单位为空列表）。项目清单不分类别。第1—4项的单元格在提取文本中按行折断（行末有空格），已去掉折行空格；“m ³”“m^3”等写法统一为“m³”“m²”。',
    '本方案未点名责任领导，leaders 为空。',
  ],
  departments,
  leaders: [],
  tasks,
  projects,
  indicators,
};

plan.plan.review = [
  {
    field: 'indicators.marker',
    reason:
      `指标体系表注印作“注：★为自选指标”（第${INDICATOR_END}行），但带★的${starred}项正是国家“十四五”时期“无废城市”建设指标体系的必选指标（其余${indicators.length - starred}项无标记）；按★=国家必选（national）录入，表注是否为“★为必选指标”之误需核实`,
  },
];

const parsed = SeedPlanSchema.parse(plan);
writeFileSync(OUT, `${JSON.stringify(parsed, null, 2)}\n`);
console.log(`wrote ${OUT}: ${departments.length} departments, ${tasks.length} tasks, ${projects.length} projects, ${indicators.length} indicators`);
