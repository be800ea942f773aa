import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../cli/zwc';
import { appWorkspace as openAppWorkspace, zwcAt } from '../support/cli';
import type { Workspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { cityOverview } from '../../shared/app/city/city-overview-service';
import { deviceIdentity } from '../../shared/app/trust/device-identity';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { chinaToday, defaultReportingPeriod } from '../../shared/domain/time';

/**
 * The command line and the app run the same services: a county's bundle imported by `zwc
 * --workspace` and by the app's IndexedDB workspace gives the city the same overview.
 */
// The county's edits are stamped by the real clock, so the receiving side runs at the real time too.
const NOW = new Date();
const PERIOD = defaultReportingPeriod(NOW);
const plan = (file: string) => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8')));
let dir: string;
const zwc = zwcAt(NOW);

async function appWorkspace(file: string): Promise<Workspace> {
  const ws = await openAppWorkspace();
  await setUpWorkspace(ws, plan(file), 'plan', NOW);
  return ws;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwc-ws-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('zwc --workspace and the app, through the same services', () => {
  it('imports a county file, refuses it until its key is trusted, and shows the same overview as the app', async () => {
    const county = await appWorkspace('150627-yijinhuoluo.json');
    await county.records.update('tasks', '150627-task-001', { title: '旗里改过的任务名称' });
    const bundle = await county.exchange.exportBundle('150627', PERIOD, NOW);
    const file = join(dir, 'county.zwb');
    await writeFile(file, bundle.bytes);
    const key = await deviceIdentity(county.storage);
    const ws = join(dir, 'city');

    expect((await zwc('--workspace', ws, 'init', '--office', '150600')).code).toBe(EXIT.ok);
    const untrusted = await zwc('--workspace', ws, 'import', file);
    expect(untrusted.code).toBe(EXIT.refused);
    expect(untrusted.err).toContain(key.fingerprint);
    expect((await zwc('--workspace', ws, 'trust', '--office', '150627', '--public-key', key.publicKey)).code).toBe(EXIT.ok);
    const merged = await zwc('--workspace', ws, 'import', file);
    expect(merged.err).toBe('');
    expect(merged.code).toBe(EXIT.ok);
    expect(merged.out).toContain('已合并');
    const again = await zwc('--workspace', ws, 'import', file);
    expect(again.code).toBe(EXIT.ok);
    expect(again.out).toContain('无需导入');

    const cli = await zwc('--workspace', ws, 'overview', '--period', PERIOD, '--json', 'yes');
    expect(cli.code).toBe(EXIT.ok);
    const fromCli = JSON.parse(cli.out) as { rows: { code: string; tasks: number; lastPeriodReceived: string | null }[]; notReported: string[] };
    expect(fromCli.rows.find((r) => r.code === '150627')).toMatchObject({ tasks: 83, lastPeriodReceived: PERIOD });
    expect(fromCli.notReported).not.toContain('150627');
    expect(fromCli.notReported).toContain('150621');

    // The app's city, importing the same file through the same service, sees the very same rows.
    const city = await appWorkspace('150600-ordos.json');
    await city.trust.trust({ officeCode: '150627', publicKey: key.publicKey }, NOW);
    const prepared = await city.exchange.prepareImport({ officeCode: '150600', level: 'city' }, { name: file, data: bundle.bytes }, NOW);
    expect(prepared.kind).toBe('ready');
    if (prepared.kind === 'ready') await city.exchange.applyImport(prepared, NOW);
    const fromApp = await cityOverview(city, '150600', PERIOD, chinaToday(NOW));
    const comparable = (rows: { code: string }[]) => rows.map((r) => ({ ...r, lastImportAt: null }));
    expect(comparable(fromCli.rows)).toEqual(comparable(JSON.parse(JSON.stringify(fromApp.rows))));
    expect((await city.records.get('tasks', '150627-task-001'))?.title).toBe('旗里改过的任务名称');
  });

  it('says what is wrong with a workspace command, with the exit codes of zwc', async () => {
    const ws = join(dir, 'w');
    expect((await zwc('--workspace', ws, 'overview')).err).toContain('尚未设置单位');
    expect((await zwc('--workspace', ws, 'init', '--office', '15062')).code).toBe(EXIT.usage);
    expect((await zwc('--workspace', ws, 'frobnicate')).code).toBe(EXIT.usage);
    expect((await zwc('--workspace', ws, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const notCity = await zwc('--workspace', ws, 'overview');
    expect(notCity.code).toBe(EXIT.refused);
    expect(notCity.err).toContain('不是市级单位');
    await writeFile(join(ws, 'workspace.json'), '{broken');
    const broken = await zwc('--workspace', ws, 'overview');
    expect(broken.code).toBe(EXIT.refused);
    expect(broken.err).toContain('工作区文件已损坏');
  });

  it('prints the app’s documents from a workspace, numbering 交办单 from the same register', async () => {
    const ws = join(dir, 'county');
    expect((await zwc('--workspace', ws, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const first = join(dir, 'a.html');
    const second = join(dir, 'b.html');
    expect((await zwc('--workspace', ws, 'print', 'assignment', '--department', '旗生态环境局', '--out', first)).code).toBe(EXIT.ok);
    expect((await zwc('--workspace', ws, 'print', 'assignment', '--department', '旗生态环境局', '--out', second)).code).toBe(EXIT.ok);
    const year = NOW.getFullYear();
    expect(readFileSync(first, 'utf8')).toContain(`伊无废交〔${year}〕1号`);
    expect(readFileSync(second, 'utf8')).toContain(`伊无废交〔${year}〕2号`);
    expect(readFileSync(first, 'utf8')).toContain('旗生态环境局');
    expect((await zwc('--workspace', ws, 'print', 'project-list', '--out', join(dir, 'p.html'))).code).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'p.html'), 'utf8')).toContain('项目清单');
    // 仅牵头单位 unless asked: 旗财政局 only helps, so it gets a sheet with --recipients all alone.
    const helper = await zwc('--workspace', ws, 'print', 'assignment', '--department', '旗财政局', '--out', join(dir, 'h.html'));
    expect(helper.code).toBe(EXIT.refused);
    expect(helper.err).toContain('仅牵头单位');
    expect((await zwc('--workspace', ws, 'print', 'assignment', '--department', '旗财政局', '--recipients', 'all', '--out', join(dir, 'h.html'))).code).toBe(EXIT.ok);
    expect((await zwc('--workspace', ws, 'print', 'assignment', '--recipients', 'some', '--out', join(dir, 'h.html'))).code).toBe(EXIT.usage);
    const unknown = await zwc('--workspace', ws, 'print', 'assignment', '--department', '不存在的局', '--out', join(dir, 'x.html'));
    expect(unknown.code).toBe(EXIT.notFound);
    expect(unknown.err).toContain('不存在的局');
    expect((await zwc('--workspace', ws, 'print', 'poster', '--out', join(dir, 'x.html'))).code).toBe(EXIT.usage);
  });

  it('moves an office through its plan periods with the same rules as 设置: correct, revise, close, start the next', async () => {
    const ws = join(dir, 'periods');
    expect((await zwc('--workspace', ws, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const listed = await zwc('--workspace', ws, 'plan', 'list', '--json', 'yes');
    const plans = (JSON.parse(listed.out) as { plans: { id: string; fromYear: number; toYear: number; title: string }[] }).plans;
    expect(plans).toHaveLength(1);
    const first = plans[0];

    const edited = await zwc('--workspace', ws, 'plan', 'edit', '--plan', String(first.fromYear), '--document-number', '伊政办发〔2022〕8号');
    expect(edited.err).toBe('');
    expect(edited.out).toContain('伊政办发〔2022〕8号');
    const backwards = await zwc('--workspace', ws, 'plan', 'edit', '--plan', first.id, '--from', '2026', '--to', '2025');
    expect(backwards.code).toBe(EXIT.refused);
    expect(backwards.err).toContain('起始年 2026 晚于结束年 2025');
    expect((await zwc('--workspace', ws, 'plan', 'edit', '--plan', '1999')).err).toContain('没有方案 1999');
    expect((await zwc('--workspace', ws, 'plan', 'revise', '--note', '调整3项任务', '--on', '2024-02-30')).err).toContain('2024-02-30 这一天不存在');
    expect((await zwc('--workspace', ws, 'plan', 'revise', '--note', '调整3项任务', '--on', '2024-06-01')).code).toBe(EXIT.ok);

    const early = await zwc('--workspace', ws, 'plan', 'next', '--title', '十五五方案', '--from', '2026', '--to', '2030');
    expect(early.code).toBe(EXIT.refused);
    expect(early.err).toContain('请先结束当前方案');
    const closed = await zwc('--workspace', ws, 'plan', 'close', '--on', '2026-01-10');
    expect(closed.code).toBe(EXIT.ok);
    expect(closed.out).toMatch(/终期评估：任务完成 \d+\/83/);
    const next = await zwc('--workspace', ws, 'plan', 'next', '--title', '十五五方案', '--from', String(first.toYear + 1), '--to', String(first.toYear + 5));
    expect(next.err).toBe('');
    expect(next.out).toContain('结转任务 83 项');

    const table = await zwc('--workspace', ws, 'plan', 'list');
    expect(table.out).toContain('已结束');
    expect(table.out).toMatch(/十五五方案.*执行中（现行）/);
    expect((await zwc('--workspace', ws, 'plan', 'frob')).code).toBe(EXIT.usage);
  });
});
