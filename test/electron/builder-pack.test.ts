import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Packs the app for real with electron-builder (`--dir`, Linux x64; scripts/pack-check.mjs) from a
 * copy of the project's package.json and electron-builder.yml with a stand-in Electron (Electron
 * itself cannot be downloaded here). The project's node_modules is linked in, so a `files` rule
 * that let the dependencies in would show.
 */
const root = join(__dirname, '../..');

describe('electron-builder --dir with a stand-in Electron', () => {
  let work: string;
  let result: { files: string[]; fuses: string };
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'zwc-pack-test-'));
    const project = join(work, 'project');
    mkdirSync(join(project, 'dist/electron'), { recursive: true });
    mkdirSync(join(project, 'dist/renderer/assets'), { recursive: true });
    copyFileSync(join(root, 'package.json'), join(project, 'package.json'));
    copyFileSync(join(root, 'electron-builder.yml'), join(project, 'electron-builder.yml'));
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
    for (const [file, text] of Object.entries({
      'dist/electron/main.js': '// main',
      'dist/electron/main.js.map': '{}',
      'dist/electron/preload.js': '// preload',
      'dist/renderer/index.html': '<!doctype html>',
      'dist/renderer/assets/index.js': '// app',
    }))
      writeFileSync(join(project, file), text);
    const icons = spawnSync(process.execPath, [join(root, 'scripts/make-icons.mjs'), join(project, 'build')], { encoding: 'utf8' });
    if (icons.status !== 0) throw new Error(icons.stderr);
    const r = spawnSync(process.execPath, [join(root, 'scripts/pack-check.mjs'), '--project', project], { encoding: 'utf8', timeout: 170_000 });
    if (r.status !== 0) throw new Error(`pack-check failed: ${r.stderr}\n${r.stdout}`);
    result = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as typeof result;
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('puts only the built files and package.json into app.asar: no node_modules, no source maps', () => {
    expect(result.files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect([...result.files].sort()).toEqual(
      ['/dist', '/dist/electron', '/dist/electron/main.js', '/dist/electron/preload.js', '/dist/renderer', '/dist/renderer/assets', '/dist/renderer/assets/index.js', '/dist/renderer/index.html', '/package.json'].sort(),
    );
  });

  it('flips the configured fuses in the (ASCII-named) program', () => {
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on,
    // asar only on, V8 snapshot left as it was, file:// privileges off.
    expect(result.fuses).toBe('01001110');
  });
});
