import { spawnSync } from 'node:child_process';

/**
 * The layering rule must fail a wrong import, not merely be present in the config. ESLint runs as
 * the linter step does (its flat config is an ES module, which jest's module system cannot load).
 */
async function problems(code: string, filePath: string): Promise<string[]> {
  const r = spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '--format', 'json', '--stdin', '--stdin-filename', filePath], { input: code, encoding: 'utf8' });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers enforced by the linter', () => {
  it.each([
    ["import Dexie from 'dexie';", '核心只通过存储端口'],
    ["import { Button } from 'antd';", '核心（shared/）不引用界面代码'],
    ["import { readFileSync } from 'node:fs';", '核心不依赖 Node 或 Electron'],
    ["import { LedgerDb } from '../../renderer/src/db/schema';", '核心不引用外层代码'],
  ])('the core refuses %s', async (code, message) => {
    expect((await problems(`${code}\nexport const x = 1;\n`, 'shared/ledger/wrong.ts')).join()).toContain(message);
  });

  it.each([
    ["import { LedgerDb } from '../db/schema';", 'renderer/src/pages/Wrong.tsx'],
    ["import Dexie from 'dexie';", 'renderer/src/components/Wrong.tsx'],
  ])('UI code refuses %s', async (code, filePath) => {
    expect((await problems(`${code}\nexport const x = 1;\n`, filePath)).join()).toContain('界面不直接访问数据库');
  });

  it('accepts the core from UI code', async () => {
    expect(await problems("import { LedgerService } from '../../../shared/app/ledger-service';\nexport const x = LedgerService;\n", 'renderer/src/pages/Right.tsx')).toEqual([]);
  });
});
