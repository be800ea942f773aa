// The system programs the test suites need, checked (and where possible installed) by
// `node scripts/setup.mjs --test`, the first step of `npm test`. Plain Node with no dependencies:
// it runs before `npm install`.
//
//   probe()      looks at this machine (fast: a few file checks and one `fc-list`; no apt, no sudo)
//   planSetup()  pure: what is missing  →  nothing to do | the apt-get commands | the instruction to print
//   ensureTestDeps()  probe, plan, run the apt-get commands, check again; exits with the instruction otherwise
//
// Debian or Ubuntu as root, or with password-less sudo: installs what is missing with apt-get.
// Anywhere else it stops before any test, naming exactly what to install and how.
// `node scripts/setup-test-deps.mjs --dry-run` prints what it would do here (runs nothing); `--plan '<json>'`
// prints planSetup's answer for a given input and `--needs` the list below (both for test/env/setup-plan.test.ts).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Print faces (shared/print/fonts.json), grouped by the Debian package that provides them. */
function fontNeeds() {
  const faces = JSON.parse(readFileSync(path.join(ROOT, 'shared/print/fonts.json'), 'utf8')).faces;
  const byPackage = new Map();
  for (const face of Object.values(faces)) {
    const families = byPackage.get(face.debian.package) ?? [];
    if (!families.includes(face.debian.family)) families.push(face.debian.family);
    byPackage.set(face.debian.package, families);
  }
  return [...byPackage].map(([pkg, families]) => ({
    id: `font:${pkg}`,
    apt: pkg,
    families,
    linuxOnly: true, // Windows and macOS ship their own Chinese faces (FangSong, STFangsong, …)
    what: `字体 / fonts ${families.join(', ')}（打印文件 / printed documents）`,
  }));
}

/** Everything the suites need, in install order. `apt` is the Debian/Ubuntu package. */
export const NEEDS = [
  { id: 'chromium', apt: 'chromium', what: 'Chromium（端到端测试 / end-to-end tests）' },
  { id: 'fontconfig', apt: 'fontconfig', linuxOnly: true, what: 'fontconfig: fc-list, fc-match（字体检查 / the font test）' },
  ...fontNeeds(),
  { id: 'libreoffice', apt: 'libreoffice-calc', what: 'LibreOffice (soffice --headless)（Excel 测试 / Excel tests）' },
  // The Word documents (issue 28) are converted to PDF by LibreOffice's Writer, a package of its own on Debian.
  { id: 'libreoffice-writer', apt: 'libreoffice-writer', linuxOnly: true, what: 'LibreOffice Writer（Word 文件测试 / Word document tests）' },
  // The test fills a form the way a department would, by scripting LibreOffice from Python (UNO).
  { id: 'python-uno', apt: 'python3-uno', linuxOnly: true, what: 'python3-uno（LibreOffice 的 Python 接口，Excel 测试 / LibreOffice scripting for the Excel test）' },
  { id: 'poppler', apt: 'poppler-utils', what: 'poppler-utils: pdftotext, pdftoppm（打印测试 / printing tests）' },
];

// ---------------------------------------------------------------------------------------------
// planSetup: pure

/**
 * @param {object} input
 * @param {string} input.platform    process.platform
 * @param {'debian'|'ubuntu'|'other'} [input.distro]  from /etc/os-release (Linux only)
 * @param {boolean} [input.hasApt]   apt-get is on PATH
 * @param {boolean} [input.isRoot]
 * @param {boolean} [input.hasSudo]  `sudo -n true` succeeds
 * @param {Record<string, boolean>} input.present  NEEDS id → found
 * @param {string} [input.zwcChromium]  $ZWC_CHROMIUM, when set
 * @returns {{action:'none', missing:[]} | {action:'apt', missing:string[], packages:string[], commands:string[][]} | {action:'stop', missing:string[], message:string}}
 */
export function planSetup({ platform, distro = 'other', hasApt = false, isRoot = false, hasSudo = false, present, zwcChromium }) {
  const missing = NEEDS.filter((n) => (platform === 'linux' || !n.linuxOnly) && !present[n.id]);
  if (missing.length === 0) return { action: 'none', missing: [] };
  const ids = missing.map((n) => n.id);
  const apt = platform === 'linux' && hasApt;

  // What apt-get cannot fix: a ZWC_CHROMIUM that points nowhere (it would still be used), and
  // Chromium on Ubuntu (its apt package is only a wrapper around the snap).
  const manualChromium = ids.includes('chromium') && (Boolean(zwcChromium) || !apt || distro === 'ubuntu');
  const aptPackages = apt ? missing.filter((n) => !(n.id === 'chromium' && manualChromium)).map((n) => n.apt) : [];

  if (apt && !manualChromium && (isRoot || hasSudo)) {
    const prefix = [...(isRoot ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
    return {
      action: 'apt',
      missing: ids,
      packages: aptPackages,
      commands: [
        [...prefix, 'update', '-qq'],
        [...prefix, 'install', '-y', '-q', '--no-install-recommends', ...aptPackages],
      ],
    };
  }
  return { action: 'stop', missing: ids, message: instructions({ platform, distro, apt, isRoot, missing, aptPackages, manualChromium, zwcChromium }) };
}

function chromiumLines(platform, zwcChromium, ubuntu) {
  if (zwcChromium) {
    return [
      `ZWC_CHROMIUM=${zwcChromium} 不存在。请改为浏览器程序的完整路径，或删除该变量。`,
      `ZWC_CHROMIUM=${zwcChromium} does not exist: point it at a Chromium or Chrome executable, or unset it.`,
    ];
  }
  const example =
    platform === 'win32'
      ? 'set ZWC_CHROMIUM=C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
      : platform === 'darwin'
        ? 'export ZWC_CHROMIUM="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"'
        : 'export ZWC_CHROMIUM=/path/to/chromium';
  return [
    // npm install first, so that npx runs the locked playwright-core and fetches the browser revision it drives
    `Chromium: npm install && npx playwright-core install${ubuntu ? ' --with-deps' : ''} chromium`,
    `  或指向已有的浏览器 / or point to an existing one:  ${example}`,
  ];
}

function instructions({ platform, distro, apt, isRoot, missing, aptPackages, manualChromium, zwcChromium }) {
  const ids = missing.map((n) => n.id);
  const has = (id) => ids.includes(id);
  const why =
    platform === 'win32' ? 'Windows'
      : platform === 'darwin' ? 'macOS'
        : platform !== 'linux' ? platform
          : !apt ? (distro === 'other' ? '非 Debian/Ubuntu / not Debian or Ubuntu' : '找不到 apt-get / apt-get not found')
            : !isRoot ? '非 root 用户，sudo 需要密码 / not root, and sudo needs a password'
              : 'Chromium 无法用 apt-get 安装 / Chromium cannot come from apt-get here';
  const how = [];
  if (platform === 'linux' && apt) {
    if (aptPackages.length > 0) {
      const sudo = isRoot ? '' : 'sudo ';
      how.push(`${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${aptPackages.join(' ')}`);
    }
    if (manualChromium) how.push(...chromiumLines(platform, zwcChromium, distro === 'ubuntu'));
    else if (has('chromium')) how.push('不装 chromium 也可指向已有的浏览器 / instead of chromium, an existing browser will do:  export ZWC_CHROMIUM=/path/to/chromium');
  } else if (platform === 'linux') {
    const names = missing.filter((n) => n.id !== 'chromium').map((n) => n.apt);
    if (names.length > 0) how.push(`用本系统的软件包管理器安装 / install with your package manager (Debian names): ${names.join(' ')}`);
    if (has('chromium')) how.push(...chromiumLines(platform, zwcChromium, false));
  } else {
    if (has('chromium')) how.push(...chromiumLines(platform, zwcChromium, false));
    if (platform === 'darwin') {
      if (has('libreoffice')) how.push('LibreOffice: brew install --cask libreoffice');
      if (has('poppler')) how.push('poppler (pdftotext, pdftoppm): brew install poppler');
    } else if (platform === 'win32') {
      if (has('libreoffice')) how.push('LibreOffice: winget install TheDocumentFoundation.LibreOffice，并把 / then add  C:\\Program Files\\LibreOffice\\program  加入 PATH / to PATH');
      if (has('poppler')) how.push('poppler (pdftotext, pdftoppm): choco install poppler（或 / or: scoop install poppler）');
    } else {
      if (has('libreoffice')) how.push('LibreOffice (soffice on PATH)');
      if (has('poppler')) how.push('poppler-utils (pdftotext, pdftoppm on PATH)');
    }
  }
  return [
    `[setup] 测试还缺少以下程序，本机无法自动安装（${why}）。`,
    '[setup] The tests need these programs, and this machine cannot install them by itself:',
    ...missing.map((n) => `  - ${n.what}`),
    '',
    '安装方法 / How to install:',
    ...how.map((l) => `  ${l}`),
    '',
    '然后重新运行 npm test。 / Then run npm test again.',
    '只运行单元测试 / unit tests only:  node scripts/setup.mjs && npm run test:unit',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// probe: looks at this machine

/** The executable `cmd` on `pathVar`, or undefined. */
export function which(cmd, pathVar = process.env.PATH ?? '', platform = process.platform) {
  const sep = platform === 'win32' ? ';' : ':';
  const exts = platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';') : [''];
  for (const dir of pathVar.split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, cmd + ext);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function osRelease() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const field = (k) => (text.match(new RegExp(`^${k}=["']?([^"'\\n]*)`, 'm'))?.[1] ?? '').toLowerCase();
    const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/);
    return ids.includes('ubuntu') ? 'ubuntu' : ids.includes('debian') ? 'debian' : 'other';
  } catch {
    return 'other';
  }
}

/** Playwright's own headless Chromium, as `chromium.launch()` without executablePath looks for it. */
function playwrightChromium(env, platform) {
  const cache =
    platform === 'darwin' ? path.join(homedir(), 'Library', 'Caches')
      : platform === 'win32' ? (env.LOCALAPPDATA || path.join(homedir(), 'AppData', 'Local'))
        : (env.XDG_CACHE_HOME || path.join(homedir(), '.cache'));
  const pwRoot = path.join(ROOT, 'node_modules', 'playwright-core');
  const registry =
    env.PLAYWRIGHT_BROWSERS_PATH === '0' ? path.join(pwRoot, '.local-browsers')
      : env.PLAYWRIGHT_BROWSERS_PATH ? path.resolve(ROOT, env.PLAYWRIGHT_BROWSERS_PATH)
        : path.join(cache, 'ms-playwright');
  let revision;
  try {
    revision = JSON.parse(readFileSync(path.join(pwRoot, 'browsers.json'), 'utf8')).browsers.find((b) => b.name === 'chromium-headless-shell')?.revision;
  } catch {
    // before `npm install`: accept any installed revision
  }
  try {
    return readdirSync(registry).some((d) => (revision ? d === `chromium_headless_shell-${revision}` : d.startsWith('chromium_headless_shell-')));
  } catch {
    return false;
  }
}

/** Which font families fontconfig knows, or undefined without fc-list. */
function fontFamilies(env) {
  const fcList = which('fc-list', env.PATH, 'linux');
  if (!fcList) return undefined;
  const r = spawnSync(fcList, [':', 'family'], { encoding: 'utf8', env });
  if (r.status !== 0) return undefined;
  return new Set(r.stdout.split('\n').flatMap((l) => l.split(',')).map((f) => f.trim().replace(/\\-/g, '-')).filter(Boolean));
}

/** Looks at this machine. Does not run apt-get or sudo. */
export function probe({ env = process.env, platform = process.platform } = {}) {
  const on = (cmd) => Boolean(which(cmd, env.PATH ?? '', platform));
  const zwcChromium = env.ZWC_CHROMIUM || undefined;
  const present = {
    // the order of test/e2e/support/browser.ts: $ZWC_CHROMIUM, /usr/bin/chromium, Playwright's own
    chromium: zwcChromium ? existsSync(zwcChromium) : existsSync('/usr/bin/chromium') || playwrightChromium(env, platform),
    libreoffice: on('soffice') || on('libreoffice'),
    poppler: on('pdftotext') && on('pdftoppm'),
  };
  if (platform === 'linux') {
    // python3-uno installs into Debian's own interpreter, whatever python3 comes first on PATH (pyenv …).
    present['libreoffice-writer'] = on('lowriter');
    present['python-uno'] = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;
    const families = fontFamilies(env);
    present.fontconfig = families !== undefined && on('fc-match');
    for (const n of NEEDS.filter((x) => x.families)) present[n.id] = Boolean(families && n.families.every((f) => families.has(f)));
  }
  return {
    platform,
    distro: platform === 'linux' ? osRelease() : 'other',
    hasApt: platform === 'linux' && on('apt-get'),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    present,
    zwcChromium,
  };
}

function sudoWorks(env) {
  const sudo = which('sudo', env.PATH ?? '', process.platform);
  return Boolean(sudo) && spawnSync(sudo, ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** probe + planSetup; asks sudo only when something is missing and it could help. */
export function planHere({ env = process.env, platform = process.platform } = {}) {
  const state = probe({ env, platform });
  let plan = planSetup(state);
  if (plan.action === 'stop' && state.hasApt && !state.isRoot && sudoWorks(env)) plan = planSetup({ ...state, hasSudo: true });
  return plan;
}

// ---------------------------------------------------------------------------------------------
// ensureTestDeps: what `node scripts/setup.mjs --test` runs

export function ensureTestDeps({ env = process.env } = {}) {
  const plan = planHere({ env });
  if (plan.action === 'none') return;
  if (plan.action === 'stop') {
    console.error(plan.message);
    process.exit(1);
  }
  console.log(`[setup] 安装测试所需的系统软件包 / installing what the tests need: ${plan.packages.join(' ')}`);
  for (const cmd of plan.commands) {
    console.log(`[setup] $ ${cmd.join(' ')}`);
    const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`[setup] 命令失败 / command failed (${r.error?.message ?? `exit ${r.status}`}): ${cmd.join(' ')}`);
      process.exit(r.status || 1);
    }
  }
  const still = planSetup(probe({ env })).missing;
  if (still.length > 0) {
    const names = NEEDS.filter((n) => still.includes(n.id)).map((n) => `  - ${n.what}`);
    console.error(['[setup] apt-get 之后仍缺少 / still missing after apt-get install:', ...names].join('\n'));
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--plan');
  if (i > 0) console.log(JSON.stringify(planSetup(JSON.parse(process.argv[i + 1]))));
  else if (process.argv.includes('--needs')) console.log(JSON.stringify(NEEDS));
  else if (process.argv.includes('--dry-run')) console.log(JSON.stringify({ probe: probe(), plan: planHere() }, null, 2));
  else ensureTestDeps();
}
