import Ajv from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The installers' configuration (electron-builder.yml), read through electron-builder's own loader
 * and checked against its own JSON schema (node_modules/app-builder-lib/scheme.json), whole and
 * target by target, so a misspelt option fails here instead of being ignored at packaging time.
 */
const root = join(__dirname, '../..');
type Schema = { definitions: Record<string, object> };
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as Schema;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string; author?: { name?: string; email?: string } };
// As electron-builder itself compiles it: unknown keywords (its own `typeof`) ignored.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(scheme, 'scheme');
const check = (ref: string, value: unknown): string[] => {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

type Targets = { target: string; arch: string[] }[];

describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
  });

  it('passes the whole schema', () => {
    expect(check('scheme', config)).toEqual([]);
    expect(check('scheme', { ...config, nsis: { ...config.nsis, onClick: false } }).length).toBeGreaterThan(0);
  });

  it.each([
    ['win', 'WindowsConfiguration'],
    ['nsis', 'NsisOptions'],
    ['portable', 'PortableOptions'],
    ['linux', 'LinuxConfiguration'],
    ['deb', 'DebOptions'],
    ['appImage', 'AppImageOptions'],
  ])('its %s section passes the schema’s %s', (key, definition) => {
    const section = (config as Record<string, unknown>)[key];
    expect(section).toBeDefined();
    expect(check(`scheme#/definitions/${definition}`, section)).toEqual([]);
  });

  it('packs only the built files into app.asar, with no dependency rebuild', () => {
    // The loader merges the list into one file set.
    const sets = config.files as { from?: string; to?: string; filter: string[] }[];
    expect(sets).toHaveLength(1);
    expect(sets[0].from ?? '.').toBe('.');
    expect(sets[0].filter).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!node_modules/**/*', '!**/*.map']));
    expect(sets[0].filter.filter((f) => !f.startsWith('!') && !f.startsWith('dist/') && f !== 'package.json')).toEqual([]);
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
  });

  it('builds Windows NSIS (per user, no administrator) and portable for x64', () => {
    expect(config.win?.target as Targets).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false, shortcutName: pkg.productName });
  });

  it('builds deb and AppImage for x64 and arm64', () => {
    expect(config.linux?.target as Targets).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('names every artifact, the program and its install folder in ASCII', () => {
    const names = [config.artifactName, config.nsis?.artifactName, config.portable?.artifactName, config.deb?.artifactName, config.appImage?.artifactName, config.productName, config.executableName];
    for (const name of names) expect(name).toMatch(/^[\x21-\x7e]+$/);
    // Names on the same platform must differ, or the portable exe overwrites the installer.
    expect(new Set([config.nsis?.artifactName, config.portable?.artifactName]).size).toBe(2);
  });

  it('keeps the app’s own name (and so its data folder) Chinese, and names the publisher', () => {
    expect(pkg.productName).toBe('无废城市建设台账');
    expect(config.extraMetadata?.productName).toBeUndefined();
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/@/);
    expect(config.copyright).toContain(pkg.author?.name);
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^>\s]+>$/);
  });

  it('associates .zwb files with a Chinese description and an icon', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'zwb', description: expect.stringMatching(/交换文件/), icon: 'zwb', mimeType: expect.any(String) })]);
  });
});

describe('scripts/make-icons.mjs', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'zwc-icons-'));
    const r = spawnSync(process.execPath, [join(root, 'scripts/make-icons.mjs'), out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const pngSize = (file: string) => {
    const b = readFileSync(file);
    expect(b.subarray(1, 4).toString()).toBe('PNG');
    return [b.readUInt32BE(16), b.readUInt32BE(20)];
  };

  it.each([16, 24, 32, 48, 64, 128, 256, 512])('makes the Linux %ipx icon', (size) => {
    expect(pngSize(join(out, `icons/${size}x${size}.png`))).toEqual([size, size]);
  });

  it.each(['icon.ico', 'zwb.ico'])('makes %s with every Windows size', (name) => {
    const ico = readFileSync(join(out, name));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256).sort((a, b) => a - b);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('makes them where the configuration looks for them', async () => {
    const config = await getConfig(root, null, null);
    expect(config.directories?.buildResources).toBe('build');
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.linux?.icon).toBe('build/icons');
    expect(existsSync(join(out, 'icon.png'))).toBe(true);
  });
});
