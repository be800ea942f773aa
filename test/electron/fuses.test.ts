import type { Configuration, FuseOptionsV1 } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fuses electron-builder flips in the packaged Electron binary. Read through electron-builder's
 * own configuration loader and schema (the installed version), so a misspelt option name fails
 * here instead of being ignored at packaging time.
 */
const EXPECTED: Required<Omit<FuseOptionsV1, 'loadBrowserProcessSpecificV8Snapshot' | 'resetAdHocDarwinSignature'>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

const root = join(__dirname, '../..');

describe('electron-builder fuses', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
  });

  it.each(Object.entries(EXPECTED))('sets %s to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse as keyof FuseOptionsV1]).toBe(value);
  });

  it('sets no fuse but these, and packs the app into an asar (the asar fuses need one)', () => {
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(config.asar).toBe(true);
  });

  it('passes electron-builder’s schema, which knows every fuse option name', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } as FuseOptionsV1 }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('names every fuse option the installed electron-builder offers, set or deliberately left alone', () => {
    const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as { definitions: { FuseOptionsV1: { properties: object } } };
    const offered = Object.keys(scheme.definitions.FuseOptionsV1.properties).sort();
    expect(offered).toEqual([...Object.keys(EXPECTED), 'loadBrowserProcessSpecificV8Snapshot', 'resetAdHocDarwinSignature'].sort());
  });
});
