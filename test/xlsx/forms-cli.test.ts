/**
 * `zwc xlsx forms`: lead units by default, `--all` adds the participating units (their rows are
 * their own 配合情况); a collective name never gets a file and is named instead.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../cli/zwc';
import { tempDirs, zwcAt } from '../support/cli';

const tmp = tempDirs('zwc-forms-');
const seed = join(__dirname, '../../seeds/150627-yijinhuoluo.json');

/** zwc in-process at a fixed time (test/support/cli.ts). */
const zwc = zwcAt(new Date('2026-11-25T02:00:00Z'));

test('forms go to the lead units unless --all; collective names get none and are named', async () => {
  const lead = tmp.at('lead');
  mkdirSync(lead);
  const r = await zwc('xlsx', 'forms', '--plan', seed, '--period', '2026-11', '--out-dir', lead);
  expect(r.err).toBe('');
  expect(r.code).toBe(EXIT.ok);
  expect(readdirSync(lead)).toHaveLength(25);
  expect(r.out).toContain('共 25 个单位（仅牵头单位）');
  expect(r.out).not.toContain('配合情况');

  const all = tmp.at('all');
  mkdirSync(all);
  const a = await zwc('xlsx', 'forms', '--plan', seed, '--period', '2026-11', '--out-dir', all, '--all');
  expect(a.code).toBe(EXIT.ok);
  const files = readdirSync(all);
  expect(files.length).toBeGreaterThan(25);
  expect(files.some((f) => f.includes('各成员单位') || f.includes('各镇人民政府'))).toBe(false);
  expect(a.out).toMatch(/（其中配合情况 \d+ 项）/);
  expect(a.out).toContain('各镇人民政府：未单独发送，由旗无废办另行通知');

  const refused = await zwc('xlsx', 'forms', '--plan', seed, '--period', '2026-11', '--out-dir', all, '--department', '各成员单位');
  expect(refused.code).not.toBe(EXIT.ok);
  expect(refused.err).toContain('“各成员单位”是集合名称');
}, 120_000);
