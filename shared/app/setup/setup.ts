import { divisionOf } from '../../domain/divisions';
import type { Office, OfficeLevel } from '../../domain/office';
import { planIdFor, type PlanPeriod } from '../../domain/plan-period';
import { countyPlanFromCity } from '../../views/city-plan';
import type { PlanRecords } from '../../views/plan-data';
import { loadSeedPlan } from '../../seed/load-seed';
import { WORKSPACE_KEY, workspaceSettings, writeSetting, type WorkspaceSettings } from '../settings';
import type { RecordsService } from '../records-service';
import type { StoragePort } from '../storage';

/**
 * The plans a host ships (a port: the renderer and the command line each pass the catalogue of
 * their embedded seeds; the core never imports seeds/). `load` gives the seed file's JSON, checked
 * here by loadSeedPlan.
 */
export interface SeedCatalogue {
  plan(officeCode: string): { load(): Promise<unknown> } | undefined;
}

/** No plans shipped (tests, a host without seeds): only the city-less sources are offered. */
export const NO_SEEDS: SeedCatalogue = { plan: () => undefined };

/** seed: the office's published plan shipped with the app; city: the tasks its city assigned to it; empty: only the office. */
export type SetupSource = 'seed' | 'city' | 'empty';

/** The office an Excel plan is set up for: typed by the clerk (or given on the command line). */
export interface ExcelOffice {
  code: string;
  name: string;
  level: OfficeLevel;
  /** The division above it; by default the one GB/T 2260 names, else the code's city or province. */
  parentCode?: string;
}

/** The records an Excel plan import built (shared/xlsx's BuiltImport has these). */
export type ImportedRecords = Pick<PlanRecords, 'departments' | 'leaders' | 'tasks' | 'projects' | 'indicators'>;

/** A plan period of five years from this year: what every new workspace without one starts with. */
export function firstPlanPeriod(officeCode: string, officeName: string, now: Date, source?: string): PlanPeriod {
  const fromYear = now.getFullYear();
  return { id: planIdFor(officeCode, fromYear), title: `${officeName}“无废城市”建设实施方案${source ? `（${source}）` : ''}`, fromYear, toYear: fromYear + 4, status: 'in-force' };
}

/** The office's plan periods, with the first one added when it has none (an Excel plan, an office typed in). */
function withPlanPeriod(office: Office, now: Date, source?: string): Office {
  if (office.plans?.length) return office;
  const period = firstPlanPeriod(office.code, office.name, now, source);
  return { ...office, plans: [period], currentPlanId: period.id };
}

function defaultParent(code: string, level: OfficeLevel): string {
  return divisionOf(code)?.parentCode ?? (level === 'county' ? `${code.slice(0, 4)}00` : `${code.slice(0, 2)}0000`);
}

const EMPTY_RECORDS: ImportedRecords = { departments: [], leaders: [], tasks: [], projects: [], indicators: [] };

/**
 * Setting a workspace up for an office, the same from every host: which sources it can start from,
 * what each would load (the first-run preview), and loading it with the plan period and the
 * workspace's setting (which office, which role) written the same way.
 */
export class SetupService {
  constructor(
    private readonly storage: StoragePort,
    private readonly records: RecordsService,
    private readonly seeds: SeedCatalogue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Which office this workspace keeps; undefined before set-up. */
  settings(): Promise<WorkspaceSettings | undefined> {
    return workspaceSettings(this.storage);
  }

  /** Which sources an office can start from, best first. */
  sources(officeCode: string): SetupSource[] {
    const division = divisionOf(officeCode);
    const out: SetupSource[] = [];
    if (this.seeds.plan(officeCode)) out.push('seed');
    if (division?.level === 'county' && division.parentCode && this.seeds.plan(division.parentCode)) out.push('city');
    out.push('empty');
    return out;
  }

  /** The plan a new workspace starts from, for any GB/T 2260 office: what the first-run screen previews and `setUp` loads. */
  async startingPlan(officeCode: string, source: SetupSource): Promise<PlanRecords> {
    const seeded = this.seeds.plan(officeCode);
    if (source === 'seed' || (source === 'empty' && seeded)) {
      if (!seeded) throw new Error(`没有 ${officeCode} 的预置方案`);
      const plan = loadSeedPlan(await seeded.load());
      return source === 'empty' ? { ...plan, ...EMPTY_RECORDS } : plan;
    }
    const division = divisionOf(officeCode);
    if (!division) throw new Error(`行政区划代码 ${officeCode} 不在 GB/T 2260 区划表中`);
    if (source === 'city') {
      const city = division.parentCode ? this.seeds.plan(division.parentCode) : undefined;
      if (!city) throw new Error(`${division.name}所属的市没有预置方案，无法从市级方案开始`);
      return countyPlanFromCity(loadSeedPlan(await city.load()), { code: division.code, name: division.name });
    }
    const office: Office = { code: division.code, name: division.name, level: division.level, parentCode: defaultParent(division.code, division.level) };
    return { office: withPlanPeriod(office, this.now()), ...EMPTY_RECORDS };
  }

  /** Sets the workspace up from its seeded plan, the tasks its city assigned it, or empty. */
  async setUp(officeCode: string, source: SetupSource): Promise<WorkspaceSettings> {
    return this.load(await this.startingPlan(officeCode, source));
  }

  /** Sets the workspace up from the office's Excel plan (the records its import built), named after the file. */
  async setUpFromExcel(office: ExcelOffice, records: ImportedRecords, fileName: string): Promise<WorkspaceSettings> {
    const name = office.name.trim();
    if (!name) throw new Error('请填写单位名称');
    const base: Office = { code: office.code, name, level: office.level, parentCode: office.parentCode ?? defaultParent(office.code, office.level) };
    const { departments, leaders, tasks, projects, indicators } = records;
    return this.load({ office: withPlanPeriod(base, this.now(), fileName), departments, leaders, tasks, projects, indicators });
  }

  /**
   * Loads a plan into the workspace and records which office it keeps; an office without a plan
   * period gets its first one. A workspace set up for another office is refused.
   */
  async load(plan: PlanRecords): Promise<WorkspaceSettings> {
    const existing = await workspaceSettings(this.storage);
    if (existing && existing.officeCode !== plan.office.code) {
      throw new Error(`此工作区已设为 ${existing.officeCode}，不能再设为 ${plan.office.code}`);
    }
    const now = this.now();
    await this.records.loadPlan({ ...plan, office: withPlanPeriod(plan.office, now) });
    const settings: WorkspaceSettings = existing ?? { officeCode: plan.office.code, role: plan.office.level, setupAt: now.toISOString() };
    await this.storage.transaction((tx) => writeSetting(tx, WORKSPACE_KEY, settings));
    return settings;
  }
}

/**
 * Loads a plan (or only its office, `empty`) and records which office this workspace keeps: the
 * set-up service's `load`, for callers holding a plan already (tests, `zwc init` until it uses the service).
 */
export function setUpWorkspace(ws: { storage: StoragePort; records: RecordsService }, plan: PlanRecords, source: 'plan' | 'empty', now: Date = new Date()): Promise<WorkspaceSettings> {
  return new SetupService(ws.storage, ws.records, NO_SEEDS, () => now).load(source === 'empty' ? { ...plan, ...EMPTY_RECORDS } : plan);
}
