// Checks Electron zips carried in for an offline build (electron-builder's `electronDist`, see
// docs/BUILD.md) before they are used: each must be named electron-v<version>-<platform>-<arch>.zip
// for the Electron version package-lock.json pins, and its SHA-256 must equal the one in that
// version's checksums.json (shipped inside the electron npm package, itself checked by npm against
// the lock's integrity hash). Prints one line per zip; exits 1 if any is wrong or unknown.
// Usage: node scripts/check-electron-zip.mjs <zip or folder of zips> [--checksums FILE] [--lock FILE]
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron version the lock file pins. */
export function lockedElectronVersion(lockText) {
  const lock = JSON.parse(lockText);
  const version = lock.packages?.['node_modules/electron']?.version;
  if (!version) throw new Error('package-lock.json 中没有 electron，无法确定版本');
  return version;
}

export async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** { ok, message } for one zip. */
export async function checkZip(file, checksums, version) {
  const name = basename(file);
  const m = /^electron-v(\d+\.\d+\.\d+(?:-[\w.]+)?)-(win32|linux|darwin|mas)-(x64|arm64|ia32|armv7l)\.zip$/.exec(name);
  if (!m) return { ok: false, message: `${name}：文件名不是 electron-v<版本>-<系统>-<架构>.zip，electron-builder 不会使用它` };
  if (m[1] !== version) return { ok: false, message: `${name}：版本 ${m[1]} 与 package-lock.json 锁定的 Electron ${version} 不一致` };
  const expected = checksums[name];
  if (!expected) return { ok: false, message: `${name}：checksums.json 中没有此文件的校验值` };
  const actual = await sha256(file);
  if (actual !== expected) return { ok: false, message: `${name}：SHA-256 不符（应为 ${expected}，实为 ${actual}），文件已损坏或被替换，请勿使用` };
  return { ok: true, message: `${name}：校验通过（SHA-256 ${actual}）` };
}

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target || target.startsWith('--')) {
    console.error('用法：node scripts/check-electron-zip.mjs <Electron zip 或其所在文件夹> [--checksums 文件] [--lock 文件]');
    process.exit(2);
  }
  try {
    const version = lockedElectronVersion(readFileSync(arg('--lock') ?? join(root, 'package-lock.json'), 'utf8'));
    const checksums = JSON.parse(readFileSync(arg('--checksums') ?? join(root, 'node_modules/electron/checksums.json'), 'utf8'));
    const files = statSync(target).isDirectory() ? readdirSync(target).filter((f) => f.startsWith('electron-v') && f.endsWith('.zip')).map((f) => join(target, f)) : [target];
    if (files.length === 0) throw new Error(`“${target}”中没有 electron-v*.zip`);
    let bad = 0;
    for (const f of files) {
      const r = await checkZip(f, checksums, version);
      console.log(`${r.ok ? '✓' : '✗'} ${r.message}`);
      if (!r.ok) bad++;
    }
    process.exit(bad === 0 ? 0 : 1);
  } catch (e) {
    console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
