/**
 * Ownership by construction: every record id carries the office it belongs to, so an office's
 * signed bundle can only ever name its own records.
 *
 *   seeded:       150627-task-001        (shared/seed/load-seed.ts)
 *   app-created:  150627-task-<uuid>     (newRecordId, used by the renderer's newId)
 *
 * Offices are keyed by their division code, which is the namespace itself.
 */
import { DivisionCodeSchema } from '../domain/office';
import { randomUuid } from './bytes';

/** The prefix every id of an office's records starts with. */
export function idNamespaceOf(officeCode: string): string {
  return `${officeCode}-`;
}

/** True when `id` is in the office's namespace: `<officeCode>-` followed by at least one character. */
export function idBelongsTo(id: string, officeCode: string): boolean {
  const prefix = idNamespaceOf(officeCode);
  return id.length > prefix.length && id.startsWith(prefix);
}

/** A new record id for an office: `<officeCode>-<kind>-<uuid>`. The one place ids are made. */
export function newRecordId(officeCode: string, kind: string): string {
  if (!DivisionCodeSchema.safeParse(officeCode).success) throw new Error(`单位代码不正确：${officeCode}`);
  if (!/^[a-z]{1,16}$/.test(kind)) throw new Error(`记录种类不正确：${kind}`);
  return `${idNamespaceOf(officeCode)}${kind}-${randomUuid()}`;
}
