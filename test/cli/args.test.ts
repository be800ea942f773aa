import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../cli/zwc';
import { COMMANDS } from '../../cli/commands';
import { tempDirs, zwcAt } from '../support/cli';

/** One parser, one help, one table of exit codes for every zwc command; files only through the injected IO. */
const zwc = zwcAt(new Date('2026-11-20T02:00:00Z'));
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-args-');

describe('zwc help', () => {
  it('lists every command and the exit codes; help on one command in Chinese', async () => {
    const all = await zwc('help');
    expect(all.code).toBe(EXIT.ok);
    for (const c of COMMANDS) expect(all.out).toContain(`${c.name} `);
    expect(all.out).toContain('退出码');
    expect(all.out).toMatch(/4 未找到/);
    for (const c of COMMANDS) {
      expect(c.summary).toMatch(/[\u4e00-\u9fff]/);
      const one = await zwc('help', ...c.name.split(' '));
      expect([c.name, one.code]).toEqual([c.name, EXIT.ok]);
      expect(one.out).toContain(c.usage);
    }
    const group = await zwc('help', 'plan');
    expect(group.out).toContain('plan next');
    expect(group.out).toContain('plan close');
    expect((await zwc('plan', 'next', '--help')).out).toContain('--carry-tasks');
    expect((await zwc('--workspace', tmp.dir, 'print', '-h')).out).toContain('supervision');
    expect((await zwc('help', 'frobnicate')).code).toBe(EXIT.usage);
  });
});

describe('one parser for every command', () => {
  it('refuses an unknown option, a missing value and a value given to a switch, naming the option', async () => {
    const unknown = await zwc('--workspace', tmp.dir, 'overview', '--colour', 'red');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toContain('未知选项 --colour');
    expect(unknown.err).toContain('zwc --workspace DIR overview'); // the command's own usage follows
    const missing = await zwc('keygen', '--out');
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toContain('选项 --out 缺少取值');
    const flag = await zwc('xlsx', 'forms', '--all=yes', '--plan', 'x.json', '--out-dir', tmp.dir);
    expect(flag.code).toBe(EXIT.usage);
    expect(flag.err).toContain('--all 不带取值');
    const yes = await zwc('--workspace', tmp.dir, 'overview', '--json', 'true');
    expect(yes.err).toContain('--json 应为 yes 或 no');
  });

  it('asks for a subcommand, for --workspace where one is needed, and refuses it where none is', async () => {
    expect((await zwc('plan')).err).toContain('请指定 plan 的子命令');
    expect((await zwc('plan', 'frob')).err).toContain('plan 可用');
    const noWs = await zwc('export');
    expect(noWs.code).toBe(EXIT.usage);
    expect(noWs.err).toContain('缺少 --workspace');
    expect((await zwc('--workspace', tmp.dir, 'keygen', '--out', tmp.at('k.json'))).code).toBe(EXIT.usage);
    // --workspace before the command or after it: the same.
    expect((await zwc('overview', '--workspace', tmp.dir)).err).toContain('尚未设置单位');
    expect((await zwc('overview', '--workspace', tmp.dir)).code).toBe(EXIT.notFound);
  });
});

describe('exit codes in one place', () => {
  it('no command under cli/ returns or sets a literal exit code', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const cli = join(__dirname, '../../cli');
    const offenders = files(cli)
      .filter((f) => !f.endsWith('errors.ts'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      .filter(({ line }) => /\breturn\s+\d+\s*;|exitCode\s*=\s*\d|process\.exit\(\s*\d/.test(line));
    expect(offenders.map(({ f, i, line }) => `${f}:${i + 1} ${line.trim()}`)).toEqual([]);
  });
});

describe('files only through the injected IO', () => {
  it('print, export, backup and the Excel exports write nothing the IO did not write', async () => {
    const written = new Map<string, Uint8Array | string>();
    const intercept = zwcAt(new Date('2026-11-20T02:00:00Z'), {
      io: (io) => ({
        ...io,
        writeFile: async (path, data) => void written.set(path, data),
        readFile: async (path, max) => {
          const held = written.get(path);
          if (held !== undefined) return typeof held === 'string' ? new TextEncoder().encode(held) : held;
          return io.readFile(path, max);
        },
        makeDir: async () => undefined,
      }),
    });
    expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const outputs: [string[], string][] = [
      [['print', 'assignment', '--out', tmp.at('a.html')], tmp.at('a.html')],
      [['print', 'task-list', '--out', tmp.at('t.html')], tmp.at('t.html')],
      [['export', '--period', '2026-11', '--out', tmp.at('x.zwb')], tmp.at('x.zwb')],
      [['backup', '--out', tmp.at('b.zwbak')], tmp.at('b.zwbak')],
      [['xlsx', 'export', '--out', tmp.at('t.xlsx')], tmp.at('t.xlsx')],
      [['xlsx', 'forms', '--period', '2026-11', '--zip', tmp.at('f.zip')], tmp.at('f.zip')],
    ];
    for (const [argv, file] of outputs) {
      const run = await intercept('--workspace', tmp.dir, ...argv);
      expect([argv[0], run.err, run.code]).toEqual([argv[0], '', EXIT.ok]);
      expect(written.has(file)).toBe(true);
      expect(existsSync(file)).toBe(false);
    }
  });
});
