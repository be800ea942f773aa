import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXIT } from '../../cli/zwc';
import { zwcAt } from '../support/cli';
import { department, office, progressEntry, stamp, stored, OFFICE } from './fixtures';

const NOW = Date.parse('2026-11-02T09:30:00+08:00');
let dir: string;
const at = (name: string) => join(dir, name);

const zwc = zwcAt(new Date(NOW));

async function keygen(name: string, device: string): Promise<{ publicKey: string; fingerprint: string }> {
  const run = await zwc('keygen', '--out', at(name), '--device', device);
  expect(run.code).toBe(EXIT.ok);
  return JSON.parse(await readFile(at(name), 'utf8')) as { publicKey: string; fingerprint: string };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('zwc', () => {
  it('goes keygen → bundle create → bundle verify → merge', async () => {
    const keyA = await keygen('a.json', 'laptopA');
    const keyB = await keygen('b.json', 'laptopB');
    await writeFile(at('trust.json'), JSON.stringify([{ officeCode: OFFICE, publicKey: keyA.publicKey }, { officeCode: OFFICE, publicKey: keyB.publicKey }]));
    // A exports plain records (stamped by the tool now); B, an hour later and without having seen A's
    // file, exports stored records naming d1 differently: a concurrent edit, kept as a conflict.
    await writeFile(at('recA.json'), JSON.stringify({ tables: { offices: [office()], departments: [department('d1'), department('d2')] } }));
    const editedOnB = { ...stored(department('d1', { name: '旗生态环境局' }), stamp(NOW + 3_600_000, 'laptopB')) };
    await writeFile(at('recB.json'), JSON.stringify({ departments: [editedOnB], progress: [stored(progressEntry('p1'), stamp(NOW + 3_600_001, 'laptopB'))] }));

    const createA = await zwc('bundle', 'create', '--key', at('a.json'), '--office', OFFICE, '--records', at('recA.json'), '--period', '2026-10', '--sequence', '1', '--out', at('a1.zwb'));
    expect(createA).toMatchObject({ code: EXIT.ok, err: '' });
    expect(createA.out).toContain('单位 2');
    const createB = await zwc('bundle', 'create', '--key', at('b.json'), '--office', OFFICE, '--records', at('recB.json'), '--period', '2026-10', '--sequence', '1', '--out', at('b1.zwb'));
    expect(createB.code).toBe(EXIT.ok);

    const verify = await zwc('bundle', 'verify', at('a1.zwb'), '--trust', at('trust.json'));
    expect(verify.code).toBe(EXIT.ok);
    expect(verify.out).toContain('校验通过 / verified');
    expect(verify.out).toContain(keyA.fingerprint);

    const merged = await zwc('merge', at('b1.zwb'), at('a1.zwb'), at('a1.zwb'), '--office', OFFICE, '--trust', at('trust.json'), '--out', at('merged.json'));
    expect(merged.code).toBe(EXIT.ok);
    const result = JSON.parse(await readFile(at('merged.json'), 'utf8')) as {
      tables: Record<string, { id?: string; name?: string }[]>;
      report: { accepted: unknown[]; refused: unknown[]; skipped: { code: string }[]; conflicts: { id: string; field: string }[] };
    };
    expect(result.report.accepted).toHaveLength(2);
    expect(result.report.refused).toHaveLength(0);
    expect(result.report.skipped.map((s) => s.code)).toEqual(['already-imported']);
    expect(result.tables.departments.map((d) => [d.id, d.name])).toEqual([
      ['150627-d1', '旗生态环境局'],
      ['150627-d2', '测试单位d2'],
    ]);
    expect(result.report.conflicts.map((c) => [c.id, c.field])).toEqual([['150627-d1', 'name']]);
    expect(merged.out).toContain('冲突 / conflicts 1');
    expect(result.tables.progress).toHaveLength(1);
    expect(result.tables.offices).toHaveLength(1);
  });

  it('refuses a bundle from an untrusted key with exit code 2, naming the fingerprint, and still writes the rest', async () => {
    const keyA = await keygen('a.json', 'laptopA');
    const keyX = await keygen('x.json', 'stranger');
    await writeFile(at('trust.json'), JSON.stringify({ trust: [{ officeCode: OFFICE, publicKey: keyA.publicKey }] }));
    await writeFile(at('rec.json'), JSON.stringify({ departments: [department('d1')] }));
    for (const [key, out] of [
      ['a.json', 'a.zwb'],
      ['x.json', 'x.zwb'],
    ]) {
      const run = await zwc('bundle', 'create', '--key', at(key), '--office', OFFICE, '--records', at('rec.json'), '--period', '2026-10', '--sequence', '1', '--out', at(out));
      expect(run.code).toBe(EXIT.ok);
    }
    const verify = await zwc('bundle', 'verify', at('x.zwb'), '--trust', at('trust.json'));
    expect(verify.code).toBe(EXIT.refused);
    expect(verify.err).toContain('[untrusted-key]');
    expect(verify.err).toContain(keyX.fingerprint);

    const merged = await zwc('merge', at('a.zwb'), at('x.zwb'), '--office', OFFICE, '--trust', at('trust.json'), '--out', at('merged.json'));
    expect(merged.code).toBe(EXIT.refused);
    const report = (JSON.parse(await readFile(at('merged.json'), 'utf8')) as { report: { accepted: unknown[]; refused: { code: string; file: string }[] } }).report;
    expect(report.accepted).toHaveLength(1);
    expect(report.refused).toEqual([expect.objectContaining({ code: 'untrusted-key', file: at('x.zwb') })]);

    // A damaged file is refused the same way.
    const bytes = await readFile(at('a.zwb'));
    await writeFile(at('cut.zwb'), bytes.subarray(0, bytes.length - 5));
    const cut = await zwc('bundle', 'verify', at('cut.zwb'), '--trust', at('trust.json'));
    expect(cut.code).toBe(EXIT.refused);
    expect(cut.err).toContain('[truncated]');
  });

  it('documents its exit codes: usage 1, invalid input 2, I/O 3, help 0', async () => {
    expect((await zwc('--help')).code).toBe(EXIT.ok);
    expect((await zwc('--help')).out).toContain('退出码 / Exit codes');
    expect((await zwc()).code).toBe(EXIT.usage);
    expect((await zwc('frobnicate')).code).toBe(EXIT.usage);
    expect((await zwc('keygen')).err).toContain('--out');
    expect((await zwc('keygen', '--out', at('k.json'), '--colour', 'red')).code).toBe(EXIT.usage);
    expect((await zwc('bundle', 'verify', at('missing.zwb'), '--trust', at('missing.json'))).code).toBe(EXIT.io);
    await writeFile(at('bad.json'), '{not json');
    expect((await zwc('bundle', 'verify', at('x.zwb'), '--trust', at('bad.json'))).code).toBe(EXIT.refused);
    await keygen('k.json', 'laptopA');
    // Never overwrites a key.
    expect((await zwc('keygen', '--out', at('k.json'))).code).toBe(EXIT.io);
    await writeFile(at('rec.json'), JSON.stringify({ departments: [department('d1', { officeCode: '150602' })] }));
    const foreign = await zwc('bundle', 'create', '--key', at('k.json'), '--office', OFFICE, '--records', at('rec.json'), '--period', '2026-10', '--sequence', '1', '--out', at('f.zwb'));
    expect(foreign.code).toBe(EXIT.refused);
    expect(foreign.err).toContain('150602');
    expect((await zwc('bundle', 'create', '--key', at('k.json'), '--office', OFFICE, '--records', at('rec.json'), '--period', '2026-10', '--sequence', '0', '--out', at('f.zwb'))).code).toBe(EXIT.usage);
  });

  it('runs as a program through its entry point', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [require.resolve('tsx/cli'), 'cli/zwc.ts', '--help'], { cwd: join(__dirname, '../..') });
    expect(stdout).toContain('zwc keygen');
    await expect(run(process.execPath, [require.resolve('tsx/cli'), 'cli/zwc.ts', 'nonsense'], { cwd: join(__dirname, '../..') })).rejects.toMatchObject({ code: EXIT.usage });
  }, 30_000);
});
