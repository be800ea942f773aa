// Packs the app with electron-builder (`--dir`, Linux x64) using a stand-in Electron, so what goes
// into app.asar can be checked on a machine that cannot download Electron. The stand-in carries
// the fuse wire (version 1, eight fuses, all on), so electron-builder's fuse step runs as well.
// Prints JSON { files: [...app.asar entries], fuses: "01001110" } and fails when app.asar holds
// any node_modules or source map.
// Usage: node scripts/pack-check.mjs [--project DIR (default: this project; needs dist/ and build/)] [--out DIR]
import { Buffer } from 'node:buffer';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { build, Platform, Arch } = require('electron-builder');
const { getConfig } = require('app-builder-lib/out/util/config/config');
const { listPackage } = require('@electron/asar');

export const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const project = resolve(arg('--project') ?? root);
const keep = arg('--out');
const work = mkdtempSync(join(tmpdir(), 'zwc-pack-'));
const out = resolve(keep ?? join(work, 'out'));
const electronDist = join(work, 'electron');
mkdirSync(electronDist);
writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n#${SENTINEL}`), Buffer.from([1, 8]), Buffer.from('11111111')]));
chmodSync(join(electronDist, 'electron'), 0o755);
writeFileSync(join(electronDist, 'LICENSE'), 'stand-in for Electron');

try {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const config = await getConfig(project, null, null);
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { ...config, electronDist, electronVersion, directories: { ...config.directories, output: out } },
    publish: 'never',
  });
  const files = listPackage(join(out, 'linux-unpacked/resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
  const binary = readFileSync(join(out, 'linux-unpacked', config.executableName ?? 'electron'));
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  const fuses = binary.subarray(at + 2, at + 10).toString();
  process.stdout.write(`${JSON.stringify({ files, fuses })}\n`);
  const bad = files.filter((f) => f.includes('node_modules') || f.endsWith('.map'));
  if (bad.length > 0) {
    console.error(`[pack-check] app.asar 中不应有的文件 / unexpected in app.asar: ${bad.slice(0, 5).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
