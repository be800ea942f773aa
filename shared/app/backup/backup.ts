import { CLOCK_KEY } from '../records-service';
import { FORM_SECRET_KEY } from '../../xlsx/form-seal';
import { z } from 'zod';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { CHINA_TZ } from '../../domain/time';
import { BACKUP_EXCLUDED_SETTINGS, BACKUP_EXTENSION, BackupError, decodeBackup, encodeBackup, type BackupHeader, type BackupTables, type TableCounts } from './backup-format';
import { readSetting, workspaceSettings, writeSetting, type WorkspaceSettings } from '../settings';
import { EXCHANGE_KEYS } from '../trust/trust-service';
import { PRIMARY_KEYS, STORE_NAMES, type StoragePort, type StorageWriter, type StoreName, type StoreRows, type WritableRow } from '../storage';

export { BackupError, type BackupHeader, type TableCounts } from './backup-format';

/** When this installation last made a backup that was saved (desktop folder, download, zwc): local, never restored. */
export const LAST_BACKUP_KEY = 'backup.last';
const LastBackupSchema = z.object({ at: z.string(), hash: z.string(), where: z.string().max(500).optional() }).strict();
export type LastBackup = z.infer<typeof LastBackupSchema>;

/** Settings a restore keeps from this installation instead of taking them from the file. */
const KEPT_ON_RESTORE: readonly string[] = [...BACKUP_EXCLUDED_SETTINGS, LAST_BACKUP_KEY, CLOCK_KEY];
/** Settings a restore takes from the file, but keeps from this installation when the file has none (an older backup). */
const KEPT_WHEN_ABSENT: readonly string[] = [FORM_SECRET_KEY];

/** Table names as a clerk reads them, in the order the preview lists them. */
export const TABLE_LABELS: { [N in StoreName]: string } = {
  offices: '单位',
  departments: '成员单位',
  leaders: '责任领导',
  tasks: '任务',
  projects: '项目',
  indicators: '指标',
  progress: '月度进展',
  indicatorValues: '指标值',
  problems: '问题清单',
  audit: '修改记录',
  settings: '设置（含可信密钥、导入记录、交办记录）',
};

export interface BackupFile {
  bytes: Uint8Array;
  header: BackupHeader;
  /** A name to save it under: 台账备份-伊金霍洛旗-20261124-103000.zwbak */
  fileName: string;
}

/** What a verified backup holds, as the restore preview shows it. */
export interface BackupSummary {
  header: BackupHeader;
  size: number;
  /** Every office with records in the backup (a city's holds its counties'), with its record count. */
  offices: { code: string; name: string; records: number }[];
}

export interface RestorePreview {
  backup: BackupSummary;
  /** This workspace now: its office (null when not set up) and rows per table. */
  current: { officeCode: string | null; officeName: string | null; counts: TableCounts; damaged?: string };
}

export interface RestoreOptions {
  /**
   * Saves the backup of the current data that is made before anything is replaced; the restore
   * goes on only once it resolves. Not called when the workspace is empty.
   */
  saveCurrent?: (file: BackupFile) => Promise<void>;
}

export interface RestoreResult {
  header: BackupHeader;
  /** The backup of what was replaced, or undefined when the workspace was empty. */
  previous?: BackupFile;
}

function stamp(iso: string): string {
  return format(new TZDate(new Date(iso).getTime(), CHINA_TZ), 'yyyyMMdd-HHmmss');
}

export function backupFileName(header: Pick<BackupHeader, 'officeName' | 'createdAt'>, prefix = '台账备份'): string {
  const name = (header.officeName ?? '未设置单位').replace(/[\\/:*?"<>|\s]/g, '');
  return `${prefix}-${name}-${stamp(header.createdAt)}.${BACKUP_EXTENSION}`;
}

const RECORD_TABLES = STORE_NAMES.filter((n) => n !== 'settings' && n !== 'audit');

function summarise(header: BackupHeader, tables: BackupTables, size: number): BackupSummary {
  const names = new Map(tables.offices.map((o) => [String(o.code), String(o.name ?? o.code)]));
  const per = new Map<string, number>();
  for (const name of RECORD_TABLES) {
    for (const row of tables[name]) {
      const code = String(name === 'offices' ? row.code : row.officeCode);
      per.set(code, (per.get(code) ?? 0) + 1);
    }
  }
  const offices = [...per].map(([code, records]) => ({ code, name: names.get(code) ?? code, records })).sort((a, b) => (a.code === header.officeCode ? -1 : b.code === header.officeCode ? 1 : a.code.localeCompare(b.code)));
  return { header, size, offices };
}

/**
 * Backup and restore of a whole workspace: every table of the storage port — every office's
 * records with their stamps, conflicts and tombstones, the audit trail, the settings with the
 * trust list, import history and issued-sheet register — never the private key. The same service
 * for the app (desktop folder, browser download) and `zwc backup` / `zwc restore`.
 */
export class BackupService {
  constructor(
    private readonly storage: StoragePort,
    private readonly deviceId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Rows per table now. */
  async counts(): Promise<TableCounts> {
    const out = {} as TableCounts;
    for (const name of STORE_NAMES) out[name] = (await this.storage.listAll(name)).length;
    return out;
  }

  /** A snapshot of the whole workspace, read in one transaction. */
  async create(options: { appVersion?: string } = {}): Promise<BackupFile> {
    const { tables, settings } = await this.storage.transaction(async (tx) => {
      const read = {} as BackupTables;
      for (const name of STORE_NAMES) read[name] = await tx.listAll(name);
      read.settings = read.settings.filter((r) => !BACKUP_EXCLUDED_SETTINGS.includes(String(r.key)) && r.key !== LAST_BACKUP_KEY);
      let ws: WorkspaceSettings | undefined;
      try {
        ws = await workspaceSettings(tx);
      } catch {
        ws = undefined;
      }
      return { tables: read, settings: ws };
    });
    const office = settings ? tables.offices.find((o) => o.code === settings.officeCode) : undefined;
    const { bytes, header } = await encodeBackup(tables, {
      createdAt: this.now().toISOString(),
      ...(options.appVersion ? { appVersion: options.appVersion.slice(0, 50) } : {}),
      officeCode: settings?.officeCode ?? null,
      officeName: typeof office?.name === 'string' ? office.name.slice(0, 100) : null,
      role: settings?.role ?? null,
      deviceId: this.deviceId,
    });
    return { bytes, header, fileName: backupFileName(header) };
  }

  /** Reads and verifies a backup file (format version, limits, integrity, tables) without changing anything. */
  async inspect(bytes: Uint8Array): Promise<BackupSummary> {
    const { header, tables } = await decodeBackup(bytes);
    return summarise(header, tables, bytes.length);
  }

  /** What restoring would replace; throws BackupError when the file is damaged, of a newer program, or another office's. */
  async preview(bytes: Uint8Array): Promise<RestorePreview> {
    const { header, tables } = await decodeBackup(bytes);
    const current = await this.current();
    this.checkOffice(header, current);
    return { backup: summarise(header, tables, bytes.length), current };
  }

  /**
   * Replaces the whole workspace with the backup, in one transaction, after verifying the file
   * and saving a backup of the current data. This installation keeps its device id and key; the
   * trust list is the file's, as it was — no key becomes trusted by restoring. The export sequence
   * never goes back, so the other offices do not take this laptop's next file for an old one.
   */
  async restore(bytes: Uint8Array, options: RestoreOptions = {}): Promise<RestoreResult> {
    const { header, tables } = await decodeBackup(bytes);
    const current = await this.current();
    this.checkOffice(header, current);
    let previous: BackupFile | undefined;
    if ((current.officeCode !== null || STORE_NAMES.some((n) => n !== 'settings' && current.counts[n] > 0)) && !current.damaged) {
      previous = await this.create();
      if (options.saveCurrent) await options.saveCurrent(previous);
    }
    const sequence = z.number().int().nonnegative();
    await this.storage.transaction(async (tx) => {
      const kept = (await tx.getMany('settings', KEPT_ON_RESTORE)).filter((r): r is StoreRows['settings'] => r !== undefined);
      // Forms this office sealed stay readable after restoring a backup made before seals existed.
      const inFile = new Set(tables.settings.map((r) => r.key));
      kept.push(...(await tx.getMany('settings', KEPT_WHEN_ABSENT.filter((k) => !inFile.has(k)))).filter((r): r is StoreRows['settings'] => r !== undefined));
      const ownSequence = await readSetting(tx, EXCHANGE_KEYS.sequence, sequence).catch(() => undefined);
      for (const name of STORE_NAMES) await tx.clear(name);
      for (const name of STORE_NAMES) await putAll(tx, name, tables[name]);
      await tx.bulkPut('settings', kept);
      const restored = await readSetting(tx, EXCHANGE_KEYS.sequence, sequence).catch(() => undefined);
      if (ownSequence !== undefined && ownSequence > (restored ?? 0)) await writeSetting(tx, EXCHANGE_KEYS.sequence, ownSequence);
    });
    return { header, ...(previous ? { previous } : {}) };
  }

  /** The last backup this installation saved, if any. */
  async last(): Promise<LastBackup | undefined> {
    return readSetting(this.storage, LAST_BACKUP_KEY, LastBackupSchema).catch(() => undefined);
  }

  /** Records that a backup was saved (where: a file name or folder, for the settings page). */
  async markSaved(header: BackupHeader, where?: string): Promise<void> {
    const value: LastBackup = { at: header.createdAt, hash: header.hash, ...(where ? { where: where.slice(0, 500) } : {}) };
    await this.storage.transaction((tx) => writeSetting(tx, LAST_BACKUP_KEY, value));
  }

  private async current(): Promise<RestorePreview['current']> {
    const counts = await this.counts();
    try {
      const ws = await workspaceSettings(this.storage);
      const office = ws ? await this.storage.get('offices', ws.officeCode) : undefined;
      return { officeCode: ws?.officeCode ?? null, officeName: office?.name ?? null, counts };
    } catch (e) {
      return { officeCode: null, officeName: null, counts, damaged: e instanceof Error ? e.message : String(e) };
    }
  }

  /** A backup restores only into an empty (or unreadable) workspace or one of the same office. */
  private checkOffice(header: BackupHeader, current: RestorePreview['current']): void {
    if (header.officeCode === null) throw new BackupError('备份文件中没有建立好的台账（尚未选择单位），无法恢复');
    if (current.officeCode !== null && current.officeCode !== header.officeCode) {
      throw new BackupError(
        `这是${header.officeName ?? ''}（${header.officeCode}）的备份，本机是${current.officeName ?? ''}（${current.officeCode}）的台账，不能恢复。` +
          '如确要换成另一个单位，请先在“设置”中重置（重置前会要求完整备份）。',
      );
    }
  }
}

/**
 * A backup's row as the store takes it: its key was checked when the file was read (backup-format.ts)
 * and the rest is what this app stored, under the file's hash.
 */
function isRowOf<N extends StoreName>(name: N, row: Record<string, unknown>): row is WritableRow<N> {
  const key = row[PRIMARY_KEYS[name]];
  return typeof key === 'string' || typeof key === 'number';
}

async function putAll<N extends StoreName>(tx: StorageWriter, name: N, rows: readonly Record<string, unknown>[]): Promise<void> {
  const chunk = 5000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part: WritableRow<N>[] = [];
    for (const row of rows.slice(i, i + chunk)) {
      if (!isRowOf(name, row)) throw new BackupError(`备份文件已损坏：${name} 表中有记录缺少主键 ${PRIMARY_KEYS[name]}`);
      part.push(row);
    }
    await tx.bulkPut(name, part);
  }
}
