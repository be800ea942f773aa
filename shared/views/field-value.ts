import { deadlineTextZh, type Deadline } from '../domain/deadline';
import { DEPARTMENT_KIND_LABELS, type DepartmentKind } from '../domain/department';
import { divisionName } from '../domain/divisions';
import { formatNumber, formatQuantity, formatTarget } from '../domain/attainment';
import { MARKER_LABELS, MARKER_SYMBOLS, type IndicatorMarker, type IndicatorQuantity, type IndicatorTarget } from '../domain/indicator';
import { CONSTRUCTION_STATUS_LABELS, type ConstructionStatus } from '../domain/project';
import { REPORTED_STATUS_LABELS, type ReportedStatus } from '../domain/progress';
import { TASK_DOMAIN_LABELS, type TaskDomain } from '../domain/task';
import { formatDateZh, formatMomentZh, formatPeriodZh } from '../domain/time';
import { fieldLabel } from './field-labels';
import type { LabelledTable, LookupTable, RecordLookup } from './record-label';

export interface FieldValueOptions {
  /** The record's table, where one field name means different things (a project's 建设周期 vs a report's month). */
  table?: LabelledTable;
  /** Names units and leaders by their ids; without it ids are shown as they are. */
  lookup?: RecordLookup;
}

/** How an empty value reads. */
const EMPTY_VALUE = '（空）';

const MONEY_FIELDS = new Set(['plannedInvestment', 'investmentToDate', 'investmentThisYear']);
const DEPARTMENT_LIST_FIELDS = new Set(['constructionUnitIds', 'responsibleUnitIds', 'responsibleDepartmentIds', 'departmentIds']);
const DIRECTION_LABELS: Record<string, string> = { higher: '越高越好', lower: '越低越好', qualitative: '定性' };
const JUDGEMENT_LABELS: Record<string, string> = { met: '已达标', behind: '未达标' };
const LEVEL_LABELS: Record<string, string> = { city: '市级', county: '旗区' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const isPeriod = (v: string) => /^\d{4}-\d{2}$/.test(v);
const isInstant = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v));

function named(table: LookupTable, id: unknown, lookup: RecordLookup | undefined, unknownWord: string): string {
  if (typeof id !== 'string') return text(id);
  if (!lookup) return id;
  const found = lookup.find(table, id);
  const name = found?.record.name;
  if (typeof name !== 'string' || !name) return `（${unknownWord}）`;
  return found?.deleted ? `${name}（已删除）` : name;
}

function list(values: readonly string[]): string {
  return values.length ? values.join('、') : EMPTY_VALUE;
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (typeof value === 'string') return isInstant(value) ? formatMomentZh(value) : isIsoDate(value) ? formatDateZh(value) : value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return list(value.map(text));
  if (isRecord(value)) {
    // Shapes known without their field's name: a deadline, an indicator quantity.
    if (typeof value.text === 'string' && Array.isArray(value.points) && 'open' in value) return deadlineTextZh(value as Deadline);
    if ((value.kind === 'number' && typeof value.value === 'number') || (value.kind === 'text' && typeof value.text === 'string')) return formatQuantity(value as IndicatorQuantity);
    // An object nobody gave a rule: its fields in words, never JSON.
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${fieldLabel(k)}：${text(v)}`);
    return parts.length ? parts.join('；') : EMPTY_VALUE;
  }
  return String(value);
}

function quantity(v: unknown): string {
  return isRecord(v) && (v.kind === 'number' || v.kind === 'text') ? formatQuantity(v as IndicatorQuantity) : text(v);
}

function leadsOrParticipants(values: unknown, lookup: RecordLookup | undefined): string {
  if (!Array.isArray(values)) return text(values);
  return list(
    values.map((p) => {
      if (!isRecord(p)) return text(p);
      const name = named('departments', p.departmentId, lookup, '未知单位');
      const role = typeof p.role === 'string' ? `（${p.role}）` : '';
      const duty = typeof p.duty === 'string' && p.duty ? `：${p.duty}` : '';
      return `${name}${role}${duty}`;
    }),
  );
}

/**
 * A stored field's value as a clerk reads it in the audit trail, an import preview or a conflict:
 * deadlines as written (deadlineTextZh), money in 万元, percentages, dates in the one Chinese style,
 * units and leaders by name (given a lookup), 是/否, lists joined by 、, never JSON.
 */
export function formatFieldValue(field: string, value: unknown, options: FieldValueOptions = {}): string {
  const { table, lookup } = options;
  if (value === null || value === undefined || value === '') return field === 'deadline' ? deadlineTextZh(null) : EMPTY_VALUE;
  switch (field) {
    case 'deadline':
      return isRecord(value) && typeof value.text === 'string' && Array.isArray(value.points) ? deadlineTextZh(value as Deadline) : text(value);
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value)}%` : text(value);
    case 'year':
    case 'startYear':
      return typeof value === 'number' ? `${value}年` : text(value);
    case 'month':
      return typeof value === 'number' ? `${value}月` : text(value);
    case 'period':
      if (typeof value === 'string' && isPeriod(value)) return formatPeriodZh(value);
      // A project's 建设周期: as the plan wrote it.
      if (isRecord(value) && typeof value.text === 'string') return value.text;
      return text(value);
    case 'status':
      return typeof value === 'string' && value in REPORTED_STATUS_LABELS ? REPORTED_STATUS_LABELS[value as ReportedStatus] : text(value);
    case 'constructionStatus':
      return typeof value === 'string' && value in CONSTRUCTION_STATUS_LABELS ? CONSTRUCTION_STATUS_LABELS[value as ConstructionStatus] : text(value);
    case 'domain':
      return typeof value === 'string' && value in TASK_DOMAIN_LABELS ? TASK_DOMAIN_LABELS[value as TaskDomain] : text(value);
    case 'marker':
      return typeof value === 'string' && value in MARKER_LABELS ? `${MARKER_SYMBOLS[value as IndicatorMarker]} ${MARKER_LABELS[value as IndicatorMarker]}` : text(value);
    case 'direction':
      return typeof value === 'string' ? (DIRECTION_LABELS[value] ?? value) : text(value);
    case 'judgement':
      return typeof value === 'string' ? (JUDGEMENT_LABELS[value] ?? value) : text(value);
    case 'level':
      return typeof value === 'string' ? (LEVEL_LABELS[value] ?? value) : text(value);
    case 'kind':
      if (table === 'departments' && typeof value === 'string' && value in DEPARTMENT_KIND_LABELS) return DEPARTMENT_KIND_LABELS[value as DepartmentKind];
      return text(value);
    case 'value':
      return quantity(value);
    case 'baseline':
      return isRecord(value) && typeof value.year === 'number' ? `${quantity(value.value)}（${value.year}年）` : text(value);
    case 'targets':
      return Array.isArray(value)
        ? list(value.map((t) => (isRecord(t) && typeof t.year === 'number' && isRecord(t.target) ? `${t.year}年 ${formatTarget(t.target as IndicatorTarget)}` : text(t))))
        : text(value);
    case 'milestones':
      return Array.isArray(value)
        ? list(value.map((m) => (isRecord(m) && Array.isArray(m.years) ? `${m.years.map(String).join('、')}年：${text(m.text)}` : text(m))))
        : text(value);
    case 'completion':
      return isRecord(value) && typeof value.date === 'string' ? `${formatDateZh(value.date)}完成${value.evidence ? `：${text(value.evidence)}` : ''}` : text(value);
    case 'leads':
    case 'participants':
      return leadsOrParticipants(value, lookup);
    case 'leaderIds':
      return Array.isArray(value) ? list(value.map((id) => named('leaders', id, lookup, '未知领导'))) : text(value);
    case 'officeCodes':
      return Array.isArray(value) ? list(value.map((c) => (typeof c === 'string' ? divisionName(c) : text(c)))) : text(value);
    case 'parts':
      return Array.isArray(value) ? list(value.map((p) => (isRecord(p) ? `${text(p.text)}（${formatFieldValue('deadline', p.deadline)}）` : text(p)))) : text(value);
    case 'source':
      return isRecord(value) ? text(value.section) : text(value);
    case 'review':
      return Array.isArray(value) ? list(value.map((r) => (isRecord(r) ? `${fieldLabel(String(r.field))}待核实：${text(r.reason)}` : text(r)))) : text(value);
    default:
      break;
  }
  if (MONEY_FIELDS.has(field)) return typeof value === 'string' || typeof value === 'number' ? `${value} 万元` : text(value);
  if (DEPARTMENT_LIST_FIELDS.has(field)) return Array.isArray(value) ? list(value.map((id) => named('departments', id, lookup, '未知单位'))) : text(value);
  return text(value);
}

/** The device that made a change: 本机 for this laptop, otherwise a short name of the other one. */
export function deviceLabel(deviceId: string, thisDevice: string | undefined): string {
  if (thisDevice && deviceId === thisDevice) return '本机';
  if (!deviceId) return '未知设备';
  return `对方 ${deviceId.slice(0, 6)}`;
}
