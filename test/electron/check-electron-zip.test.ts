import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** scripts/check-electron-zip.mjs on fake zips, a fake checksums.json and a fake lock. */
const SCRIPT = join(__dirname, '../../scripts/check-electron-zip.mjs');
let dir: string;
const good = 'electron-v45.4.1-linux-arm64.zip';
const content = Buffer.from('PK fake electron');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zwc-ezip-'));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: { 'node_modules/electron': { version: '45.4.1' } } }));
  writeFileSync(join(dir, 'checksums.json'), JSON.stringify({ [good]: createHash('sha256').update(content).digest('hex'), 'electron-v45.4.1-win32-x64.zip': '0'.repeat(64) }));
  writeFileSync(join(dir, good), content);
  writeFileSync(join(dir, 'electron-v45.4.1-win32-x64.zip'), Buffer.from('tampered'));
  writeFileSync(join(dir, 'electron-v45.4.0-linux-x64.zip'), content);
  writeFileSync(join(dir, 'electron-linux.zip'), content);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (target: string) =>
  spawnSync(process.execPath, [SCRIPT, target, '--checksums', join(dir, 'checksums.json'), '--lock', join(dir, 'package-lock.json')], { encoding: 'utf8' });

describe('check-electron-zip', () => {
  it('passes a zip whose SHA-256 matches checksums.json for the locked version', () => {
    const r = run(join(dir, good));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ electron-v45\.4\.1-linux-arm64\.zip：校验通过/);
  });

  it('fails a zip whose content differs', () => {
    const r = run(join(dir, 'electron-v45.4.1-win32-x64.zip'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/SHA-256 不符.*请勿使用/);
  });

  it('fails a zip of another version than the lock pins, and a misnamed one', () => {
    expect(run(join(dir, 'electron-v45.4.0-linux-x64.zip')).stdout).toMatch(/版本 45\.4\.0 与 package-lock\.json 锁定的 Electron 45\.4\.1 不一致/);
    expect(run(join(dir, 'electron-linux.zip')).stdout).toMatch(/文件名不是/);
  });

  it('checks every zip of a folder and fails if one is wrong', () => {
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('✓'))).toHaveLength(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('✗'))).toHaveLength(2);
  });

  it('knows a real checksum of the installed Electron', () => {
    // A fake zip named as the locked (installed) version's: the real checksums.json has that name.
    const installed = (JSON.parse(readFileSync(join(__dirname, '../../node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    const named = `electron-v${installed}-linux-arm64.zip`;
    const own = mkdtempSync(join(tmpdir(), 'zwc-zip-real-'));
    writeFileSync(join(own, named), content);
    const r = spawnSync(process.execPath, [SCRIPT, join(own, named)], { encoding: 'utf8' });
    rmSync(own, { recursive: true, force: true });
    // The installed checksums.json has this name, with a different (real) hash.
    expect(r.stdout).toMatch(/SHA-256 不符/);
  });
});
