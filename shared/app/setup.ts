import type { PlanRecords } from '../ledger/plan-data';
import { WORKSPACE_KEY, workspaceSettings, writeSetting, type WorkspaceSettings } from './settings';
import type { Workspace } from './workspace';

/**
 * Sets a workspace up for an office: loads its plan (a seeded plan, or only the office with an
 * empty plan) and records which office this workspace keeps. The same for the app and `zwc`.
 */
export async function setUpWorkspace(ws: Pick<Workspace, 'storage' | 'ledger'>, plan: PlanRecords, source: 'plan' | 'empty', now: Date = new Date()): Promise<WorkspaceSettings> {
  const existing = await workspaceSettings(ws.storage);
  if (existing && existing.officeCode !== plan.office.code) {
    throw new Error(`此工作区已设为 ${existing.officeCode}，不能再设为 ${plan.office.code}`);
  }
  await ws.ledger.loadPlan(source === 'empty' ? { ...plan, departments: [], leaders: [], tasks: [], projects: [], indicators: [] } : plan);
  const settings: WorkspaceSettings = existing ?? { officeCode: plan.office.code, role: plan.office.level, setupAt: now.toISOString() };
  await ws.storage.transaction((tx) => writeSetting(tx, WORKSPACE_KEY, settings));
  return settings;
}
