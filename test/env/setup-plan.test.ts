/**
 * What `node scripts/setup.mjs --test` (the first step of `npm test`) does on each kind of machine.
 * The planner is plain Node ESM (it runs before npm install), so it is asked through its CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEBIAN_FONT_PACKAGES } from '../../shared/print/fonts';

const SCRIPT = path.join(__dirname, '../../scripts/setup-test-deps.mjs');

interface Plan {
  action: 'none' | 'apt' | 'stop';
  missing: string[];
  packages?: string[];
  commands?: string[][];
  message?: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`setup-test-deps.mjs ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

const plan = (input: object): Plan => JSON.parse(run(['--plan', JSON.stringify(input)]));

const ALL = {
  chromium: true,
  fontconfig: true,
  'font:fonts-noto-cjk': true,
  'font:fonts-cwtex-fs': true,
  libreoffice: true,
  'libreoffice-writer': true,
  'python-uno': true,
  poppler: true,
};
/** Chromium and the 仿宋 font missing. */
const SOME = { ...ALL, chromium: false, 'font:fonts-cwtex-fs': false };
const debian = { platform: 'linux', distro: 'debian', hasApt: true };

describe('planSetup', () => {
  it('the needs list covers every print font package of shared/print/fonts.json', () => {
    const needs: { id: string; apt: string }[] = JSON.parse(run(['--needs']));
    expect(needs.map((n) => n.id).sort()).toEqual(Object.keys(ALL).sort());
    const fontPackages = needs.filter((n) => n.id.startsWith('font:')).map((n) => n.apt);
    expect(fontPackages.sort()).toEqual([...DEBIAN_FONT_PACKAGES].sort());
  });

  it('everything present: nothing to do, on any platform', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      expect(plan({ ...debian, platform, isRoot: false, hasSudo: false, present: ALL })).toEqual({ action: 'none', missing: [] });
    }
    // Windows and macOS use their own Chinese faces: fontconfig and the Debian font packages are not asked for
    expect(plan({ platform: 'darwin', present: { chromium: true, libreoffice: true, poppler: true } }).action).toBe('none');
  });

  it('Debian as root: one apt-get update, then apt-get install of exactly what is missing', () => {
    const p = plan({ ...debian, isRoot: true, present: SOME });
    expect(p.action).toBe('apt');
    expect(p.packages).toEqual(['chromium', 'fonts-cwtex-fs']);
    expect(p.commands).toEqual([
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-cwtex-fs'],
    ]);
  });

  it('Debian with password-less sudo: the same commands through sudo -n', () => {
    const p = plan({ ...debian, isRoot: false, hasSudo: true, present: { ...ALL, libreoffice: false, poppler: false } });
    expect(p.action).toBe('apt');
    expect(p.commands).toEqual([
      ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
      ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', 'libreoffice-calc', 'poppler-utils'],
    ]);
  });

  it('Debian without rights: stops with the exact apt-get line and the browser variable', () => {
    const p = plan({ ...debian, isRoot: false, hasSudo: false, present: SOME });
    expect(p.action).toBe('stop');
    expect(p.missing).toEqual(['chromium', 'font:fonts-cwtex-fs']);
    expect(p.message).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-cwtex-fs\n');
    expect(p.message).toContain('ZWC_CHROMIUM');
    expect(p.message).toMatch(/缺少/);
    expect(p.message).toMatch(/The tests need/);
    expect(p.message).not.toMatch(/libreoffice|poppler|fonts-noto-cjk/); // only what is missing
  });

  it('macOS: stops with brew and Playwright instructions', () => {
    const p = plan({ platform: 'darwin', isRoot: false, present: { chromium: false, libreoffice: false, poppler: false } });
    expect(p.action).toBe('stop');
    expect(p.missing).toEqual(['chromium', 'libreoffice', 'poppler']);
    expect(p.message).toContain('npm install && npx playwright-core install chromium');
    expect(p.message).toContain('export ZWC_CHROMIUM="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"');
    expect(p.message).toContain('brew install --cask libreoffice');
    expect(p.message).toContain('brew install poppler');
    expect(p.message).not.toMatch(/apt-get|fontconfig/);
  });

  it('Windows: stops with winget/choco instructions and the browser variable', () => {
    const p = plan({ platform: 'win32', isRoot: false, present: { chromium: false, libreoffice: false, poppler: true } });
    expect(p.action).toBe('stop');
    expect(p.message).toContain('set ZWC_CHROMIUM=C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(p.message).toContain('winget install TheDocumentFoundation.LibreOffice');
    expect(p.message).not.toMatch(/poppler|apt-get/);
  });

  it('Ubuntu: Chromium cannot come from apt (snap), so it stops and says how to get one', () => {
    const p = plan({ platform: 'linux', distro: 'ubuntu', hasApt: true, isRoot: true, present: SOME });
    expect(p.action).toBe('stop');
    expect(p.message).toContain('apt-get update && apt-get install -y --no-install-recommends fonts-cwtex-fs\n');
    expect(p.message).toContain('npx playwright-core install --with-deps chromium');
    // Chromium alone missing is the same; the rest alone is installed
    expect(plan({ platform: 'linux', distro: 'ubuntu', hasApt: true, isRoot: true, present: { ...ALL, poppler: false } }).commands?.[1]).toContain('poppler-utils');
  });

  it('a ZWC_CHROMIUM that points nowhere is reported, not papered over with apt', () => {
    const p = plan({ ...debian, isRoot: true, present: { ...ALL, chromium: false }, zwcChromium: '/opt/nope/chrome' });
    expect(p.action).toBe('stop');
    expect(p.message).toContain('ZWC_CHROMIUM=/opt/nope/chrome');
  });

  it('other Linux without apt-get: names the packages and the browser variable', () => {
    const p = plan({ platform: 'linux', distro: 'other', hasApt: false, isRoot: true, present: SOME });
    expect(p.action).toBe('stop');
    expect(p.message).toContain('fonts-cwtex-fs');
    expect(p.message).toContain('export ZWC_CHROMIUM=/path/to/chromium');
  });
});

describe('probe on this machine with a fake PATH (nothing uninstalled)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zwc-path-'));
    symlinkSync(process.execPath, path.join(dir, 'node'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const probeWith = (env: NodeJS.ProcessEnv) => JSON.parse(run(['--dry-run'], { ...process.env, ...env }));

  (process.platform === 'linux' ? it : it.skip)('programs not on PATH are found missing, and a bad ZWC_CHROMIUM too', () => {
    const { probe, plan: p } = probeWith({ PATH: dir, ZWC_CHROMIUM: path.join(dir, 'no-such-chrome') });
    expect(probe.present).toEqual({
      chromium: false,
      fontconfig: false,
      'font:fonts-noto-cjk': false,
      'font:fonts-cwtex-fs': false,
      libreoffice: false,
      'libreoffice-writer': false,
      // python3-uno is looked for in Debian's /usr/bin/python3, not on PATH
      'python-uno': true,
      poppler: false,
    });
    expect(probe.hasApt).toBe(false);
    expect(p.action).toBe('stop');
    expect(p.message).toContain('fontconfig fonts-cwtex-fs fonts-noto-cjk libreoffice-calc libreoffice-writer poppler-utils');
  });

  const debianRoot = process.platform === 'linux' && process.getuid?.() === 0 && /debian|ubuntu/i.test(readOsRelease());
  (debianRoot ? it : it.skip)('as root on Debian with apt-get on PATH, the dry run plans the apt-get install (and runs nothing)', () => {
    symlinkSync('/usr/bin/apt-get', path.join(dir, 'apt-get'));
    const { plan: p } = probeWith({ PATH: dir });
    expect(p.action).toBe('apt');
    expect(p.packages).toEqual(['fontconfig', 'fonts-cwtex-fs', 'fonts-noto-cjk', 'libreoffice-calc', 'libreoffice-writer', 'poppler-utils']);
  });
});
