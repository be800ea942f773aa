import { z } from 'zod';
import { PeriodSchema, type IsoDate, type Period } from '../../domain/ids';
import { chinaToday, formatPeriodZh } from '../../domain/time';
import { planById, planLabel, type OfficePlans } from '../../domain/plan-period';
import { dateZh } from '../../documents/model';
import { scopeToPlan } from '../../views/plan-scope';
import { buildTaskRows } from '../../views/task-query';
import { reportingChecklist } from '../../views/reporting';
import { countySummaries } from '../../views/city-overview';
import type { PlanData } from '../../views/plan-data';
import { briefing, type RaisedProblem } from '../../documents/briefing';
import { laggingUnits, notice, type LaggingUnit } from '../../documents/notice';
import { annual } from '../../documents/annual';
import { finalReport } from '../../documents/final';
import { cityBriefing } from '../../documents/city-briefing';
import { docxBytes } from '../../documents/docx';
import type { DocumentKind, OfficialDocument } from '../../documents/model';
import { IssuedSheets } from '../printing/issued-sheets';
import { readCityData } from '../city/city-overview-service';
import { ProblemService } from '../problems/problems';
import { readSetting, workspaceSettings, writeSetting } from '../settings';
import type { Workspace } from '../workspace';

/** What each kind of document is made from. */
export interface DocumentOptions {
  briefing: { period: Period; /** 第N期; by default the number kept for the month, else the next of the year. */ number?: number };
  notice: { period: Period; /** The units the clerk chose (department ids, from laggingUnits). */ unitIds: readonly string[] };
  annual: { year: number };
  final: { planId: string };
  'city-briefing': { period: Period; number?: number };
}

export interface MadeDocument {
  fileName: string;
  bytes: Uint8Array;
  model: OfficialDocument;
}

/** A briefing's number, kept once it is made: the same month is the same 期 when made again. */
const IssuedBriefingSchema = z.object({ kind: z.enum(['briefing', 'city-briefing']), period: PeriodSchema, number: z.number().int().min(1).max(999), madeOn: z.string() }).strict();
export type IssuedBriefing = z.infer<typeof IssuedBriefingSchema>;
export const ISSUED_BRIEFINGS_KEY = 'documents.briefings';

export class DocumentError extends Error {
  override name = 'DocumentError';
}

function checkPeriod(period: string, where: string): Period {
  if (!PeriodSchema.safeParse(period).success) throw new DocumentError(`${where}：月份应为 YYYY-MM，例如 2026-11（收到“${period}”）`);
  return period;
}

/**
 * The documents an office writes (issue 28) over one workspace: the app, `zwc doc` and the tests
 * call `make(kind, options)` and get the .docx bytes with the model it was written from.
 */
export class DocumentService {
  constructor(
    private readonly ws: Pick<Workspace, 'storage' | 'records' | 'exchange'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private today(): IsoDate {
    return chinaToday(this.now());
  }

  private async office(): Promise<{ code: string; role: 'city' | 'county'; all: PlanData; plan: PlanData; issuer: string; issuerShort: string }> {
    const settings = await workspaceSettings(this.ws.storage);
    if (!settings) throw new DocumentError('工作区尚未设置单位，请先完成初始设置');
    const all = await this.ws.records.readPlan(settings.officeCode);
    const print = await new IssuedSheets(this.ws.storage, this.now).settings(all.office);
    return { code: settings.officeCode, role: settings.role, all, plan: scopeToPlan(all, all.office.currentPlanId), issuer: print.issuer, issuerShort: print.issuerShort };
  }

  async issuedBriefings(): Promise<IssuedBriefing[]> {
    return (await readSetting(this.ws.storage, ISSUED_BRIEFINGS_KEY, z.array(IssuedBriefingSchema))) ?? [];
  }

  /** The 期 a briefing of the month gets: the one kept for it, else the year's next (the month's own number for the year's first). */
  async briefingNumber(kind: 'briefing' | 'city-briefing', period: Period): Promise<number> {
    const issued = (await this.issuedBriefings()).filter((b) => b.kind === kind);
    const same = issued.find((b) => b.period === period);
    if (same) return same.number;
    const year = issued.filter((b) => b.period.startsWith(period.slice(0, 4)));
    return year.length ? Math.max(...year.map((b) => b.number)) + 1 : Number(period.slice(5, 7));
  }

  private async keepNumber(kind: 'briefing' | 'city-briefing', period: Period, number: number): Promise<void> {
    const issued = (await this.issuedBriefings()).filter((b) => !(b.kind === kind && b.period === period));
    const clash = issued.find((b) => b.kind === kind && b.number === number && b.period.slice(0, 4) === period.slice(0, 4));
    if (clash) throw new DocumentError(`${period.slice(0, 4)}年第${number}期已用于${formatPeriodZh(clash.period)}的简报，请换一个期号`);
    await this.ws.storage.transaction((tx) => writeSetting(tx, ISSUED_BRIEFINGS_KEY, [...issued, { kind, period, number, madeOn: this.today() }]));
  }

  /** The units that could be named in a month's 通报, with their facts (the clerk chooses among them). */
  async laggingUnits(period: Period): Promise<LaggingUnit[]> {
    const { plan } = await this.office();
    const rows = buildTaskRows(plan, this.today());
    return laggingUnits(plan, rows, reportingChecklist(plan, rows, checkPeriod(period, '通报')));
  }

  /** Open tracked problems (问题清单) when the office keeps any; otherwise the month's reports' 存在问题 (undefined). */
  private async openProblems(code: string, day: IsoDate): Promise<RaisedProblem[] | undefined> {
    const service = new ProblemService(this.ws.records, this.now);
    if (!(await service.all(code)).length) return undefined;
    return (await service.list(code, { status: 'unclosed' }, day)).map((v) => ({
      unit: v.responsibleName || v.raisedByName,
      subject: v.subjectTitle,
      text: `${v.problem.text}（${v.statusLabel}，办结时限${dateZh(v.problem.due)}）`,
    }));
  }

  async model<K extends DocumentKind>(kind: K, options: DocumentOptions[K]): Promise<OfficialDocument> {
    const o = await this.office();
    const day = this.today();
    const base = { issuer: o.issuer, date: day };
    switch (kind) {
      case 'briefing': {
        const { period, number } = options as DocumentOptions['briefing'];
        checkPeriod(period, '工作简报');
        const n = number ?? (await this.briefingNumber('briefing', period));
        const doc = briefing({ ...base, plan: o.plan, period, day, number: n, issuerShort: o.issuerShort, problems: await this.openProblems(o.code, day) });
        await this.keepNumber('briefing', period, n);
        return doc;
      }
      case 'notice': {
        const { period, unitIds } = options as DocumentOptions['notice'];
        return notice({ ...base, plan: o.plan, period: checkPeriod(period, '通报'), day, unitIds });
      }
      case 'annual': {
        const { year } = options as DocumentOptions['annual'];
        if (!Number.isInteger(year) || year < 2000 || year > Number(day.slice(0, 4))) throw new DocumentError(`年度总结：年份应为 2000 至今年之间的整数（收到“${year}”）`);
        const office = o.all.office as OfficePlans;
        // The plan whose years hold the year; past its last year, the plan still in force (not yet closed).
        const covering = office.plans?.filter((p) => p.fromYear <= year && year <= p.toYear) ?? [];
        const inForce = office.plans?.find((p) => p.id === office.currentPlanId && p.status !== 'closed' && p.fromYear <= year);
        if (office.plans?.length && !covering.length && !inForce) throw new DocumentError(`年度总结：${year}年不在本单位任何方案期内`);
        const planId = covering.find((p) => p.id === office.currentPlanId)?.id ?? covering[covering.length - 1]?.id ?? inForce?.id;
        const yearEnd = `${year}-12-31`;
        return annual({ ...base, plan: scopeToPlan(o.all, planId), year, day: yearEnd < day ? yearEnd : day });
      }
      case 'final': {
        const { planId } = options as DocumentOptions['final'];
        const plan = planById(o.all.office as OfficePlans, planId);
        if (!plan) throw new DocumentError(`终期评估报告：没有方案期 ${planId}`);
        if (plan.status !== 'closed' || !plan.assessment) throw new DocumentError(`终期评估报告：方案“${planLabel(plan)}”尚未结束，结束方案时才做终期评估`);
        return finalReport({ ...base, officeName: o.all.office.name, plan });
      }
      case 'city-briefing': {
        const { period, number } = options as DocumentOptions['city-briefing'];
        checkPeriod(period, '全市简报');
        if (o.role !== 'city') throw new DocumentError('全市简报只能由市级无废办生成');
        const data = await readCityData(this.ws, o.code);
        const rows = countySummaries({ cityCode: o.code, subordinates: data.subordinates, plans: data.plans, history: data.history, period, today: day });
        const n = number ?? (await this.briefingNumber('city-briefing', period));
        const doc = cityBriefing({ ...base, cityName: o.all.office.name, period, day, number: n, rows, plans: data.plans });
        await this.keepNumber('city-briefing', period, n);
        return doc;
      }
    }
    throw new DocumentError(`未知的文件种类：${String(kind)}`);
  }

  /** The document as a Word file: its suggested name, its bytes, and the model it was written from. */
  async make<K extends DocumentKind>(kind: K, options: DocumentOptions[K]): Promise<MadeDocument> {
    const model = await this.model(kind, options);
    return { fileName: model.fileName, bytes: await docxBytes(model), model };
  }
}
