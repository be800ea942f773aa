import { readdir, readFile } from 'node:fs/promises';
import { EXIT } from '../../cli/zwc';
import { cliIdentity, openWorkspaceDir } from '../../cli/workspace-dir';
import type { Workspace } from '../../shared/app/workspace';
import { deviceIdentity } from '../../shared/app/trust/device-identity';
import { verifyBundle, type VerifiedBundle } from '../../shared/exchange/verify';
import { BUNDLE_TABLES } from '../../shared/exchange/records';
import { appWorkspace, captureIo, plain, tempDirs, zwcAt } from '../support/cli';

/** 数据交换 and 备份 from `zwc` and from the app's services over IndexedDB: the same bundle content, trust list and backup. */
const NOW = new Date();
const PERIOD = '2026-11';
const zwc = zwcAt(NOW);
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-exchange-');

async function both(): Promise<{ cli: () => Promise<Workspace>; app: Workspace }> {
  expect((await zwc('--workspace', tmp.at('ws'), 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.setup.setUp('150627', 'seed');
  return { cli: () => openWorkspaceDir(tmp.at('ws'), captureIo(NOW).io), app };
}

/** A bundle opened with its own key trusted: what the receiving office would read. */
async function read(bytes: Uint8Array, publicKey: string): Promise<VerifiedBundle> {
  const result = await verifyBundle(bytes, { trust: [{ officeCode: '150627', publicKey }], now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const content = (b: VerifiedBundle) => ({
  manifest: { officeCode: b.manifest.officeCode, period: b.manifest.period, sequence: b.manifest.sequence, kind: b.manifest.kind, counts: b.manifest.counts },
  tables: Object.fromEntries(BUNDLE_TABLES.map((t) => [t, b.payload.tables[t].map((r) => plain(r)).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))])),
  register: b.payload.register ?? null,
});

describe('zwc export and the app’s 数据交换 → 导出', () => {
  it('writes the office’s own signed bundle with the same records, named as the app names it', async () => {
    const { cli, app } = await both();
    const run = await zwc('--workspace', tmp.at('ws'), 'export', '--period', PERIOD);
    expect(run.err).toBe('');
    expect(run.code).toBe(EXIT.ok);
    const ws = await cli();
    const [name] = await readdir(tmp.at('ws', 'exports'));
    expect(name).toBe(`伊金霍洛旗-150627-${PERIOD}-${ws.deviceId}-1.zwb`);
    expect(run.out).toContain('序号 1');

    const own = await cliIdentity(tmp.at('ws'), captureIo(NOW).io, ws.deviceId);
    const fromCli = await read(new Uint8Array(await readFile(tmp.at('ws', 'exports', name))), own.publicKey);
    const fromApp = await app.exchange.exportBundle('150627', PERIOD, NOW);
    const appBundle = await read(fromApp.bytes, (await deviceIdentity(app.storage)).publicKey);
    expect(content(fromCli)).toEqual(content(appBundle));
    expect(fromCli.manifest.deviceId).toBe(ws.deviceId);

    // --out, and the next number: sequences are never reused.
    const again = await zwc('--workspace', tmp.at('ws'), 'export', '--period', PERIOD, '--out', tmp.at('x.zwb'));
    expect(again.err).toBe('');
    expect(again.out).toContain('序号 2');
    expect((await read(new Uint8Array(await readFile(tmp.at('x.zwb'))), own.publicKey)).manifest.sequence).toBe(2);
  });

  it('refuses a period that is not YYYY-MM, and a folder not set up', async () => {
    expect((await zwc('--workspace', tmp.at('none'), 'export')).code).toBe(EXIT.notFound);
    await both();
    expect((await zwc('--workspace', tmp.at('ws'), 'export', '--period', '2026-13')).code).toBe(EXIT.usage);
  });
});

describe('trust and keys: zwc and the app’s 可信密钥', () => {
  it('the same trust list after trusting and revoking a key; zwc keys shows this laptop’s key', async () => {
    const { cli, app } = await both();
    const county = await appWorkspace(NOW);
    const key = (await deviceIdentity(county.storage)).publicKey;
    expect((await zwc('--workspace', tmp.at('ws'), 'trust', '--office', '150621', '--public-key', key, '--label', '达拉特旗笔记本')).code).toBe(EXIT.ok);
    await app.trust.trust({ officeCode: '150621', publicKey: key, label: '达拉特旗笔记本' }, NOW);
    const list = async (ws: Workspace) => (await ws.trust.list()).map(({ addedAt: _at, ...k }) => k);
    expect(await list(await cli())).toEqual(await list(app));

    expect((await zwc('--workspace', tmp.at('ws'), 'revoke', '--office', '150621', '--public-key', key)).code).toBe(EXIT.ok);
    await app.trust.revoke(key, '150621', NOW);
    expect(await list(await cli())).toEqual(await list(app));
    expect((await list(app))[0].revoked).toBe(true);

    const bad = await zwc('--workspace', tmp.at('ws'), 'trust', '--office', '150621', '--public-key', 'not-a-key');
    expect(bad.code).toBe(EXIT.refused);

    const keys = await zwc('--workspace', tmp.at('ws'), 'keys', '--json', 'yes');
    const shown = JSON.parse(keys.out) as { own: { publicKey: string; fingerprint: string }; trusted: unknown[] };
    const own = await cliIdentity(tmp.at('ws'), captureIo(NOW).io, (await cli()).deviceId);
    expect(shown.own).toMatchObject({ publicKey: own.publicKey, fingerprint: own.fingerprint });
    expect(shown.trusted).toHaveLength(1);
  });
});

describe('backups: zwc backup and the app’s 备份', () => {
  it('back up the same tables and office', async () => {
    const { cli, app } = await both();
    const run = await zwc('--workspace', tmp.at('ws'), 'backup', '--out', tmp.at('a.zwbak'));
    expect(run.code).toBe(EXIT.ok);
    const fromCli = await (await cli()).backup.inspect(new Uint8Array(await readFile(tmp.at('a.zwbak'))));
    const fromApp = await app.backup.inspect((await app.backup.create()).bytes);
    const summary = (s: typeof fromApp) => ({ office: [s.header.officeCode, s.header.officeName], counts: s.header.counts, offices: s.offices });
    // The app's backup also holds its own settings rows; the plan's tables are what must agree.
    const { settings: _a, ...cliCounts } = summary(fromCli).counts;
    const { settings: _b, ...appCounts } = summary(fromApp).counts;
    expect(cliCounts).toEqual(appCounts);
    expect(summary(fromCli).office).toEqual(summary(fromApp).office);
    // Never over an existing file.
    expect((await zwc('--workspace', tmp.at('ws'), 'backup', '--out', tmp.at('a.zwbak'))).code).toBe(EXIT.io);
  });
});
