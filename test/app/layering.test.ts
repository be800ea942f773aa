import { spawnSync } from 'node:child_process';

/**
 * The layer rules (eslint.config.mjs: an allow-list per folder) must fail a wrong import, not merely
 * be present in the config. ESLint runs in a child process (its flat config is an ES module, which
 * jest's module system cannot load), once for all the probes: each is linted as if it were a file
 * at its path, without writing anything into the tree.
 */
interface Finding {
  ruleId: string | null;
  message: string;
}
interface Probe {
  code: string;
  filePath: string;
}

const LAYER_RULES = ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'];

const LINTER = `
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
const { probes, files, rules } = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ ruleFilter: ({ ruleId }) => rules.includes(ruleId) });
const pick = (r) => r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, file: r.filePath, line: m.line }));
const out = { probes: [], tree: [] };
for (const p of probes) out.probes.push(pick((await eslint.lintText(p.code, { filePath: p.filePath }))[0]));
if (files.length > 0) for (const r of await eslint.lintFiles(files)) out.tree.push(...pick(r));
process.stdout.write(JSON.stringify(out));
`;

function lint(probes: Probe[], files: string[] = []): { probes: Finding[][]; tree: (Finding & { file: string; line: number })[] } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', LINTER], { input: JSON.stringify({ probes, files, rules: LAYER_RULES }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`ESLint failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** [what, code, file it is linted as, a part of the layer's message, or null where the code is allowed]. */
type Case = [string, string, string, string | null];

const CASES: Case[] = [
  // The seven wrong imports of issue 25, each with its layer's message.
  ['(1) a bare crypto in shared/', 'export const id = crypto.randomUUID();', 'shared/views/probe.ts', 'shared/exchange/bytes.ts'],
  ['(1) a bare window in shared/', 'export const width = window.innerWidth;', 'shared/print/probe.ts', '核心（shared/）不使用浏览器的 window'],
  ['(2) seeds/ from shared/', "import { SEEDED_PLANS } from '../../seeds';\nexport const n = SEEDED_PLANS.length;", 'shared/seed/probe.ts', 'shared/seed 只能引用'],
  ['(3) the shared/xlsx barrel from a page', "import { readWorkbook } from '../../../shared/xlsx';\nexport const r = readWorkbook;", 'renderer/src/pages/Probe.tsx', 'shared/xlsx 的总入口'],
  ['(4) import(exceljs) from a page', "export const load = () => import('exceljs');", 'renderer/src/pages/Probe.tsx', '动态 import() 只用于登记过的按需加载入口'],
  ['(5) antd in cli/', "import { Button } from 'antd';\nexport const b = Button;", 'cli/commands/probe.ts', 'cli/ 只能引用'],
  ['(6) a page reaching Dexie through app/local-database', "import { openLocalDatabase } from '../../app/local-database';\nexport const o = openLocalDatabase;", 'renderer/src/pages/settings/Probe.tsx', '界面不直接访问数据库'],
  ['(7) shared/domain importing the form checks', "import { checkText } from './validation';\nexport const c = checkText;", 'shared/domain/probe.ts', '领域记录不引用表单校验'],
  ['(7) shared/domain importing a higher layer', "import { formFileName } from '../xlsx/form-items';\nexport const f = formFileName;", 'shared/domain/probe.ts', 'shared/domain 只能引用'],

  // shared/: its packages by name, its layers in order, no globals.
  ['globalThis.crypto outside the WebCrypto port', 'export const s = globalThis.crypto.subtle;', 'shared/app/probe.ts', 'WebCrypto 只在 shared/exchange/bytes.ts 取'],
  ['process in shared/', 'export const env = process.env.HOME;', 'shared/app/probe.ts', '核心（shared/）不使用 Node 的 process'],
  ['a Node module in shared/', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'shared/app/probe.ts', 'shared/app 只能引用'],
  ['Dexie in shared/', "import Dexie from 'dexie';\nexport const d = Dexie;", 'shared/app/probe.ts', 'shared/app 只能引用'],
  ['the renderer from shared/', "import { useStore } from '../../renderer/src/app/store';\nexport const u = useStore;", 'shared/app/probe.ts', 'shared/app 只能引用'],
  ['exceljs outside shared/xlsx', "import ExcelJS from 'exceljs';\nexport const e = ExcelJS;", 'shared/views/probe.ts', 'shared/views 只能引用'],
  ['docx outside shared/documents', "import { Document } from 'docx';\nexport const d = Document;", 'shared/print/probe.ts', 'shared/print 只能引用'],
  ['a view importing print (a higher layer)', "import { documentHtml } from '../print/html';\nexport const h = documentHtml;", 'shared/views/probe.ts', '下层不引用上层'],
  ['Excel importing a service (a higher layer)', "import { workspaceOver } from '../app/workspace';\nexport const w = workspaceOver;", 'shared/xlsx/probe.ts', 'shared/xlsx 只能引用'],
  ['code (not types) from app/change below the app layer', "import { ValidationError } from '../app/change';\nexport const v = ValidationError;", 'shared/xlsx/probe.ts', '只可引用类型'],
  ['a folder of shared/ not in the layer table', "import { IsoDateSchema } from '../domain/ids';\nexport const s = IsoDateSchema;", 'shared/newfolder/probe.ts', 'SHARED_LAYERS'],
  ['a path that winds back', "import { IsoDateSchema } from '../domain/../domain/ids';\nexport const s = IsoDateSchema;", 'shared/views/probe.ts', '导入路径不要先进入再退出文件夹'],
  ['a dynamic import in shared/', "export const load = () => import('../domain/ids');", 'shared/views/probe.ts', '动态 import()'],

  // cli/ and electron/.
  ['the renderer from cli/', "import { useStore } from '../renderer/src/app/store';\nexport const u = useStore;", 'cli/probe.ts', 'cli/ 只能引用'],
  ['electron from cli/', "import { app } from 'electron';\nexport const a = app;", 'cli/commands/probe.ts', 'cli/ 只能引用'],
  ['a dynamic import in cli/', "export const load = () => import('node:fs');", 'cli/probe.ts', '动态 import()'],
  ['the renderer from electron/', "import { useStore } from '../../renderer/src/app/store';\nexport const u = useStore;", 'electron/lib/probe.ts', 'electron/ 只能引用'],
  ['the command line from electron/', "import { main } from '../cli/zwc';\nexport const m = main;", 'electron/probe.ts', 'electron/ 只能引用'],
  ['react in electron/', "import { useState } from 'react';\nexport const u = useState;", 'electron/lib/probe.ts', 'electron/ 只能引用'],

  // The renderer.
  ['Dexie in a component', "import Dexie from 'dexie';\nexport const d = Dexie;", 'renderer/src/components/Probe.tsx', 'renderer/src 只能引用'],
  ['the database schema in a page', "import { LocalDatabase } from '../db/schema';\nexport const d = LocalDatabase;", 'renderer/src/pages/Probe.tsx', '界面不直接访问数据库'],
  ['the workspace opener in a component', "import { openRendererWorkspace } from '../../app/open-workspace';\nexport const o = openRendererWorkspace;", 'renderer/src/components/print/Probe.tsx', '界面不直接访问数据库'],
  ['exceljs in the renderer', "import ExcelJS from 'exceljs';\nexport const e = ExcelJS;", 'renderer/src/app/probe.ts', 'renderer/src 只能引用'],
  ['Excel code at start-up', "import { readWorkbook } from '../../../../shared/xlsx/workbook';\nexport const r = readWorkbook;", 'renderer/src/components/excel/Probe.tsx', 'loadXlsx()'],
  ['the Excel chunk statically', "import { readWorkbook } from './xlsx-chunk';\nexport const r = readWorkbook;", 'renderer/src/components/excel/Probe.tsx', '按需加载的代码块只经其入口'],
  ['the documents chunk statically', "import * as chunk from '../documents/documents-chunk';\nexport const c = chunk;", 'renderer/src/components/excel/Probe.tsx', '按需加载的代码块只经其入口'],
  ['Node in the renderer', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'renderer/src/pages/Probe.tsx', 'renderer/src 只能引用'],
  ['another lazy chunk', "export const load = () => import('./other');", 'renderer/src/components/excel/xlsx.ts', '动态 import()'],
  ['the storage port handed around by a page', "import type { Workspace } from '../../../shared/app/workspace';\nexport const keys = (ws: Workspace) => ws.storage.list('tasks', 'officeCode', '150627');", 'renderer/src/pages/Probe.tsx', '界面不直接使用存储端口'],
  ['the storage port taken by a component', "import { useAppState } from '../app/store';\nexport const useStorage = () => useAppState((s) => s.workspace?.storage);", 'renderer/src/components/Probe.tsx', '界面不直接使用存储端口'],
  ['typeof import() around the rules', "export type D = typeof import('dexie');", 'renderer/src/pages/Probe.tsx', 'typeof import()'],

  // What the layers allow.
  ['a service from a page', "import { RecordsService } from '../../../shared/app/records-service';\nexport const l = RecordsService;", 'renderer/src/pages/Probe.tsx', null],
  ['Excel types from a page', "import type { PlanImportPreview } from '../../../shared/xlsx/plan-import';\nexport type P = PlanImportPreview;", 'renderer/src/pages/Probe.tsx', null],
  ['the Excel chunk from its loader', "export const loadXlsx = () => import('./xlsx-chunk');", 'renderer/src/components/excel/xlsx.ts', null],
  ['the documents chunk from its loader', "export const loadDocuments = () => import('./documents-chunk');", 'renderer/src/components/documents/documents.ts', null],
  ['another chunk from the documents loader', "export const load = () => import('./xlsx-chunk');", 'renderer/src/components/documents/documents.ts', '动态 import()'],
  ['navigator.storage in a page', 'export const persisted = () => navigator.storage.persisted();', 'renderer/src/pages/Probe.tsx', null],
  ['the storage from the storage module', "import Dexie from 'dexie';\nimport { LocalDatabase } from '../db/schema';\nexport const d = [Dexie, LocalDatabase];", 'renderer/src/app/open-workspace.ts', null],
  ['WebCrypto in the port', 'export const s = globalThis.crypto.subtle;', 'shared/exchange/bytes.ts', null],
  ['exceljs in shared/xlsx', "import ExcelJS from 'exceljs';\nexport const e = ExcelJS;", 'shared/xlsx/probe.ts', null],
  ['docx in shared/documents', "import { Document } from 'docx';\nexport const d = Document;", 'shared/documents/probe.ts', null],
  ['a lower layer and a sibling from shared/xlsx', "import { IsoDateSchema } from '../domain/ids';\nimport { documentHtml } from '../print/html';\nexport const x = [IsoDateSchema, documentHtml];", 'shared/xlsx/probe.ts', null],
  ['the Change types below the app layer', "import type { Change } from '../app/change';\nexport type C = Change;", 'shared/views/probe.ts', null],
  ['a nested folder of a layer reaching down', "import { IsoDateSchema } from '../../domain/ids';\nimport { RecordsService } from '../records-service';\nexport const x = [IsoDateSchema, RecordsService];", 'shared/app/printing/probe.ts', null],
  ['shared/, seeds and Node from cli/', "import { readFileSync } from 'node:fs';\nimport { SEEDED_PLANS } from '../../seeds';\nimport { IsoDateSchema } from '../../shared/domain/ids';\nexport const x = [readFileSync, SEEDED_PLANS, IsoDateSchema];", 'cli/commands/probe.ts', null],
  ['electron, Node and the desktop API from electron/', "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { IPC } from '../../shared/platform/ipc-channels';\nexport const x = [app, join, IPC];", 'electron/lib/probe.ts', null],
];

describe('layers enforced by the linter (an allow-list per folder)', () => {
  let results: Finding[][];
  beforeAll(() => {
    results = lint(CASES.map(([, code, filePath]) => ({ code: `${code}\n`, filePath }))).probes;
  }, 120_000);

  it.each(CASES.map((c, i) => [c[0], c[2], c[3], i] as const))('%s (%s)', (_what, _file, message, i) => {
    const found = results[i].map((f) => f.message);
    if (message === null) expect(found).toEqual([]);
    else expect(found.join('\n')).toContain(message);
  });

  it('the real tree passes the layer rules', () => {
    const { tree } = lint([], ['shared', 'cli', 'electron', 'renderer/src', 'seeds/*.ts']);
    expect(tree.map((f) => `${f.file.replace(`${process.cwd()}/`, '')}:${f.line} ${f.message}`)).toEqual([]);
  }, 300_000);
});
