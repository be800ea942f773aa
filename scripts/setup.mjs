// First step of both README commands, in plain Node so it runs before anything is installed.
// Installs the locked dependencies when they are missing or stale; with --electron, also tries to
// fetch Electron's binary, and says plainly when that cannot be done here; with --test (npm test),
// first checks the system programs the tests need and installs what it can (setup-test-deps.mjs).
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureTestDeps } from './setup-test-deps.mjs';
import { lockChangeMessage, lockHash } from './lock-check.mjs';

const wantElectron = process.argv.includes('--electron');
const wantTest = process.argv.includes('--test');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function installed() {
  const marker = 'node_modules/.package-lock.json';
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs;
}

// Before npm install, so a machine that cannot get Chromium, the fonts, LibreOffice or poppler is told at once.
if (wantTest) ensureTestDeps();

if (!installed()) {
  console.log('[setup] 安装依赖 / installing dependencies (npm install, from the lock file)…');
  // Electron's binary is fetched separately below, so a machine that cannot download it can still
  // install, build and test everything else.
  // Not `npm ci`: mirrors that carry only this platform's optional packages (rollup's and esbuild's
  // per-OS binaries) leave the lock without the others, and `npm ci` then refuses the lock outright.
  // `npm install` still installs exactly the locked versions.
  const lockBefore = lockHash();
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error('[setup] npm install 失败 / failed; see the messages above.');
    process.exit(r.status ?? 1);
  }
  // npm test (and CI, on a fresh clone): the lock must come out of the install unchanged.
  const changed = lockChangeMessage(lockBefore, lockHash());
  if (changed && wantTest) {
    console.error(changed);
    process.exit(1);
  }
}

if (wantElectron && !existsSync('node_modules/electron/path.txt')) {
  console.log('[setup] 下载 Electron 运行文件 / downloading the Electron binary…');
  const r = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'pipe', timeout: 180_000, encoding: 'utf8' });
  if (r.status !== 0) {
    const reason = (r.stderr || r.stdout || '').split('\n').find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN/.test(l)) ?? `exit ${r.status}`;
    console.warn(`[setup] 无法下载 Electron（${reason.trim()}）。将改用浏览器运行同一界面。`);
    console.warn('[setup] Could not download Electron; the same UI will be served to a browser instead.');
  }
}
