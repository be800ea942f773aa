import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../../cli/zwc';
import { zwcAt } from '../../support/cli';
import { openCliStorage } from '../../../cli/storage/open';

/** `zwc --workspace DIR backup` / `restore FILE`: the app's backup service on the command line's workspace. */
const NOW = new Date('2026-11-24T02:00:00Z');
let dir: string;

const zwc = zwcAt(NOW);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwc-backup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('zwc backup and restore', () => {
  it('backs up, restores into an empty workspace, and backs the current data up before replacing it', async () => {
    const a = join(dir, 'a');
    expect((await zwc('--workspace', a, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const backup = await zwc('--workspace', a, 'backup');
    expect(backup.code).toBe(EXIT.ok);
    expect(backup.out).toMatch(/已备份.*台账备份-伊金霍洛旗-20261124-100000\.zwbak/);
    expect(backup.out).toMatch(/任务 tasks: 83/);
    const [file] = await readdir(join(a, 'backups'));
    const path = join(a, 'backups', file);

    const b = join(dir, 'b');
    const asked = await zwc('--workspace', b, 'restore', path);
    expect(asked.code).toBe(EXIT.usage);
    expect(asked.err).toMatch(/--yes yes/);
    const restored = await zwc('--workspace', b, 'restore', path, '--yes', 'yes');
    expect(restored.code).toBe(EXIT.ok);
    expect(restored.out).toMatch(/已恢复.*伊金霍洛旗（150627）/);
    const tasks = async (w: string) => (await (await openCliStorage(w)).listAll('tasks')).map((r) => r.id);
    expect(await tasks(b)).toEqual(await tasks(a));

    // Over a set-up workspace of the same office: the current data is written first.
    const again = await zwc('--workspace', b, 'restore', path, '--yes', 'yes');
    expect(again.code).toBe(EXIT.ok);
    expect((await readdir(join(b, 'backups'))).some((n) => n.startsWith('恢复前的备份-伊金霍洛旗'))).toBe(true);
  });

  it('refuses a damaged file and another office’s backup with the reason, exit code 2', async () => {
    const a = join(dir, 'a');
    const city = join(dir, 'city');
    await zwc('--workspace', a, 'init', '--office', '150627');
    await zwc('--workspace', city, 'init', '--office', '150600');
    const out = join(dir, 'x.zwbak');
    expect((await zwc('--workspace', a, 'backup', '--out', out)).code).toBe(EXIT.ok);
    const foreign = await zwc('--workspace', city, 'restore', out, '--yes', 'yes');
    expect(foreign.code).toBe(EXIT.refused);
    expect(foreign.err).toMatch(/伊金霍洛旗（150627）的备份，本机是鄂尔多斯市（150600）/);
    const bytes = await readFile(out);
    bytes[bytes.length - 300] ^= 0xff;
    await writeFile(join(dir, 'bad.zwbak'), bytes);
    const damaged = await zwc('--workspace', a, 'restore', join(dir, 'bad.zwbak'), '--yes', 'yes');
    expect(damaged.code).toBe(EXIT.refused);
    expect(damaged.err).toMatch(/已拒绝.*备份文件已损坏/);
  });
});
