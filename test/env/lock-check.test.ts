import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** scripts/lock-check.mjs (plain Node ESM, run before anything is installed), asked through node. */
const SCRIPT = join(__dirname, '../../scripts/lock-check.mjs');
const ask = (code: string) => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as m from ${JSON.stringify(SCRIPT)}; ${code}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};

describe('lock completeness check', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'zwc-lock-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a lock the install left as it was', () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, '{"lockfileVersion":3}');
    expect(ask(`const h = m.lockHash(${JSON.stringify(file)}); console.log(JSON.stringify(m.lockChangeMessage(h, m.lockHash(${JSON.stringify(file)}))))`)).toBe('null');
  });

  it('fails a lock the install rewrote, saying so in Chinese', () => {
    const file = join(dir, 'b.json');
    writeFileSync(file, '{"lockfileVersion":3}');
    const out = ask(
      `const f = ${JSON.stringify(file)}; const h = m.lockHash(f); (await import('node:fs')).writeFileSync(f, '{"lockfileVersion":3,"packages":{"node_modules/@rollup/rollup-win32-x64-msvc":{}}}'); console.log(m.lockChangeMessage(h, m.lockHash(f)))`,
    );
    expect(out).toMatch(/npm install 改写了 package-lock\.json：锁文件不完整/);
    expect(out).toMatch(/sha256 before [0-9a-f]{16}…, after [0-9a-f]{16}…/);
  });

  it('is called by setup.mjs --test around its install', () => {
    const setup = readFileSync(join(__dirname, '../../scripts/setup.mjs'), 'utf8');
    expect(setup).toMatch(/const lockBefore = lockHash\(\);\s*const r = spawnSync\(npm, \['install'/);
    expect(setup).toMatch(/lockChangeMessage\(lockBefore, lockHash\(\)\)[\s\S]*if \(changed && wantTest\)/);
  });
});
