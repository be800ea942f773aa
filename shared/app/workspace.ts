import { HybridClock } from '../sync/hlc';
import type { KeyVaultApi } from '../platform/desktop-api';
import { randomBytes } from '../exchange/bytes';
import { RecordsService } from './records-service';
import { ExchangeService } from './exchange/exchange-service';
import { TrustService } from './trust/trust-service';
import { BackupService } from './backup/backup';
import { deviceIdentity, type DeviceIdentity } from './trust/device-identity';
import { deviceIdOf, lastClockState } from './settings';
import { formSecretOf } from './forms/form-secret';
import { ProblemService } from './problems/problems';
import { NO_SEEDS, SetupService, type SeedCatalogue } from './setup/setup';
import { UndoService } from './undo/undo-history';
import { IssuedSheets } from './printing/issued-sheets';
import { CatchUpService } from './exchange/catch-up';
import { PlanPeriodService } from './plan-periods/plan-periods';
import type { StoragePort } from './storage';

/**
 * Every service of one workspace over one storage: what the UI, the command line and the tests
 * hold. Nothing here knows which storage it runs on.
 */
export interface Workspace {
  readonly storage: StoragePort;
  readonly deviceId: string;
  /** Plan and directory edits, progress, indicator values, bin and undo, reading a plan. */
  readonly records: RecordsService;
  /** Export, check, preview and merge bundles; conflicts; the import history. */
  readonly exchange: ExchangeService;
  /** The keys this office trusts. */
  readonly trust: TrustService;
  /** Full snapshots of the workspace and restoring one (shared/app/backup.ts). */
  readonly backup: BackupService;
  /** 问题清单: raising the 存在问题 of reports, follow-up, 销号 (shared/app/problems.ts). */
  readonly problems: ProblemService;
  /** Setting the workspace up for an office: seeded, city-assigned, Excel or empty (shared/app/setup.ts). */
  readonly setup: SetupService;
  /** The clerk's changes made undoable, and undoing them (shared/app/undo-history.ts). */
  readonly undo: UndoService;
  /** The numbered 交办单 and 督办单: issuing, the register, receipts (shared/app/issued-sheets.ts). */
  readonly sheets: IssuedSheets;
  /** Plan periods: list, correct, revise, close with the final assessment, open the next (shared/app/plan-periods.ts). */
  readonly planPeriods: PlanPeriodService;
  /** 补录历史: a late-starting office's past years, entered in bulk and marked done (shared/app/catch-up.ts). */
  readonly catchUp: CatchUpService;
  /** The office's department-form secret (made on first use): seals the forms it issues and checks those returned. */
  formSecret(): Promise<Uint8Array>;
}

export interface WorkspaceOptions {
  random?: (n: number) => Uint8Array;
  now?: () => number;
  /** The desktop shell's key vault; without it the key is kept in the storage (browser). */
  vault?: KeyVaultApi;
  /** Another signer (the command line signs with a key file). */
  identity?: () => Promise<DeviceIdentity>;
  /** The plans this host ships, for set-up (the renderer and `zwc` pass their embedded seeds); none by default. */
  seeds?: SeedCatalogue;
}

export function workspaceOver(storage: StoragePort, records: RecordsService, options: WorkspaceOptions = {}): Workspace {
  const identity = options.identity ?? (() => deviceIdentity(storage, options.vault));
  const now = options.now;
  const today = now ? () => new Date(now()) : () => new Date();
  const random = options.random ?? randomBytes;
  const undo = new UndoService(storage, records);
  return {
    storage,
    deviceId: records.clock.deviceId,
    records,
    exchange: new ExchangeService(storage, records, identity),
    trust: new TrustService(storage),
    backup: new BackupService(storage, records.clock.deviceId, now ? today : undefined),
    setup: new SetupService(storage, records, options.seeds ?? NO_SEEDS, today),
    undo,
    sheets: new IssuedSheets(storage, today),
    planPeriods: new PlanPeriodService(records, undo, today),
    catchUp: new CatchUpService(storage, records, undo, today),
    problems: new ProblemService(records, now ? () => new Date(now()) : undefined),
    formSecret: () => formSecretOf(storage, random),
  };
}

/** Opens the services on a storage: the device id is made once and kept; the clock resumes after the latest stamp. */
export async function openWorkspace(storage: StoragePort, options: WorkspaceOptions = {}): Promise<Workspace> {
  const random = options.random ?? randomBytes;
  const deviceId = await deviceIdOf(storage, random);
  const clock = new HybridClock(deviceId, options.now ?? Date.now, await lastClockState(storage));
  return workspaceOver(storage, new RecordsService(storage, clock), options);
}
