/**
 * Issue 24 on the command line: one bad file on a `zwc --workspace DIR import` line never stops
 * the files after it, and its refusal is recorded; one key, one office in `zwc trust` too.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../cli/zwc';
import { zwcAt } from '../support/cli';
import { generateIdentity, type Identity } from '../../shared/exchange/identity';
import { openCliStorage } from '../../cli/storage/open';
import { importHistory } from '../../shared/app/trust/trust-service';
import { MAX_COUNTER } from '../../shared/sync/hlc';
import type { StoredRecord } from '../../shared/exchange/records';
import { department, stamp, stored } from './fixtures';
import { signedTables } from './hostile-bundles';

const NOW = new Date();
const T = NOW.getTime() - 3_600_000;
let dir: string;
let county: Identity;

const zwc = zwcAt(NOW);

function conflicted(n: number, device: string): StoredRecord {
  const row = stored(department('c1'), stamp(T));
  const values = Array.from({ length: n }, (_, i) => ({ value: `名称${device}${i}`, stamp: stamp(T, `${device}${i}`) }));
  const last = values[n - 1];
  return { ...row, name: last.value, _stamps: { ...row._stamps, name: last.stamp }, _conflicts: [{ field: 'name', values }], _updated: stamp(T + 1) };
}

beforeAll(async () => {
  county = await generateIdentity(true);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwc-hostile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('zwc --workspace import with hostile files among honest ones', () => {
  it('refuses and records each bad file and still merges the ones after it', async () => {
    const ws = join(dir, 'city');
    expect((await zwc('--workspace', ws, 'init', '--office', '150600', '--empty', 'yes')).code).toBe(EXIT.ok);
    expect((await zwc('--workspace', ws, 'trust', '--office', '150627', '--public-key', county.publicKey)).code).toBe(EXIT.ok);
    const files = {
      first: await signedTables(county, { departments: [conflicted(150, 'a')] }, { manifest: { sequence: 1 }, now: NOW }),
      // Within every limit alone; merged with the first it would hold 300 conflict values.
      widening: await signedTables(county, { departments: [conflicted(150, 'b')] }, { manifest: { sequence: 2 }, now: NOW }),
      counter: await signedTables(county, { departments: [stored(department('h1'), stamp(T, 'laptopA', MAX_COUNTER))] }, { manifest: { sequence: 3 }, now: NOW }),
      honest: await signedTables(county, { departments: [stored(department('ok1'), stamp(T))] }, { manifest: { sequence: 4 }, now: NOW }),
    };
    const paths: string[] = [];
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(dir, `${name}.zwb`);
      await writeFile(path, bytes);
      paths.push(path);
    }
    const run = await zwc('--workspace', ws, 'import', ...paths);
    expect(run.code).toBe(EXIT.refused);
    expect(run.out).toContain(`已合并 / merged: ${paths[0]}`);
    expect(run.err).toContain(`已拒绝 / refused: ${paths[1]}\n  [over-limit]`);
    expect(run.err).toContain('冲突取值超过每条记录 200 个');
    expect(run.err).toContain(`已拒绝 / refused: ${paths[2]}\n  [invalid-payload]`);
    expect(run.err).toContain('计数已到上限');
    expect(run.out).toContain(`已合并 / merged: ${paths[3]}`);

    const history = await importHistory(await openCliStorage(ws));
    expect(history.map((h) => [h.fileName, h.outcome])).toEqual([
      [paths[0], 'merged'],
      [paths[1], 'refused'],
      [paths[2], 'refused'],
      [paths[3], 'merged'],
    ]);
  });

  it('refuses to trust one key for a second office, naming the first', async () => {
    const ws = join(dir, 'city');
    await zwc('--workspace', ws, 'init', '--office', '150600', '--empty', 'yes');
    expect((await zwc('--workspace', ws, 'trust', '--office', '150627', '--public-key', county.publicKey)).code).toBe(EXIT.ok);
    const again = await zwc('--workspace', ws, 'trust', '--office', '150621', '--public-key', county.publicKey);
    expect(again.code).not.toBe(EXIT.ok);
    expect(again.err).toContain('已登记为 伊金霍洛旗（150627）的可信密钥');
  });
});
