import type { Department } from './department';

/**
 * Collective names: what a plan writes where it means a group of units, not one unit anyone can
 * send a sheet or a form to — 各成员单位, 各镇人民政府, 各苏木镇, 各旗区人民政府, 相关部门, 各有关单位,
 * 其他成员单位, 市各相关部门. Such a name is never a recipient of a printed sheet or a department
 * form; the issuing office tells the units it stands for itself.
 */

/** A level word a plan may put before a collective name: 市各相关部门, 旗有关部门. */
const LEVEL = '(?:市|旗|区|县|盟|镇|乡|苏木)?';
/** 各… — every name that starts with 各 (after a level word) names many units. */
const EACH = new RegExp(`^${LEVEL}各`);
/** 相关部门, 有关单位, 其他成员单位, 成员单位, 其余部门 … on their own. */
const GROUP = new RegExp(`^${LEVEL}(?:相关|有关|其他|其它|其余|全体|所有)?(?:相关|有关)?(?:成员单位|部门|单位|企业|镇|街镇|街道|乡镇|苏木镇|苏木乡镇|嘎查村)$`);
/** …等部门, …等单位: a list that ends in "and others". */
const AND_OTHERS = /等(?:相关|有关)?(?:部门|单位|成员单位)$/;

/** True when the name stands for a group of units (各成员单位, 相关部门, 各镇人民政府 …), not one unit. */
export function isCollectiveName(name: string): boolean {
  const n = name.replace(/\s+/g, '').trim();
  if (!n) return false;
  if (EACH.test(n)) return true;
  if (GROUP.test(n)) return true;
  return AND_OTHERS.test(n);
}

/** A department that is a collective: by its name, or marked as one in the directory (集合单位, 各下级政府). */
export function isCollectiveDepartment(department: Pick<Department, 'name' | 'kind'>): boolean {
  return department.kind === 'collective' || department.kind === 'all-subordinate-offices' || isCollectiveName(department.name);
}

/** The note a sheet or a dialog carries for a collective name instead of sending it anything. */
export function collectiveNote(name: string, issuerShort: string): string {
  return `${name}：未单独发送，由${issuerShort}另行通知`;
}
