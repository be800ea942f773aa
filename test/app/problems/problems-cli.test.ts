import 'fake-indexeddb/auto';
import { EXIT } from '../../../cli/zwc';
import { captureIo, tempDirs, zwcAt } from '../../support/cli';
import { openWorkspaceDir } from '../../../cli/workspace-dir';
import type { ProgressEntry } from '../../../shared/domain/progress';
import { problemIdFromEntry } from '../../../shared/views/problems';

/** `zwc problems list / raise / close`: thin calls into the workspace's ProblemService. */
// Beijing 2025-12-04 10:00: the November reports are still being collected.
const NOW = new Date('2025-12-04T02:00:00Z');
const LATER = new Date('2026-01-10T02:00:00Z');
const zwc = zwcAt(NOW);
const tmp = tempDirs('zwc-problems-');

async function withReports(): Promise<{ gxj: string; entry: ProgressEntry }> {
  expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const ws = await openWorkspaceDir(tmp.dir, captureIo(NOW).io);
  const departments = await ws.records.list('departments', '150627');
  const gxj = departments.find((d) => d.name === '旗工信局');
  const task = (await ws.records.list('tasks', '150627')).find((t) => t.leads.some((l) => l.departmentId === gxj?.id));
  if (!gxj || !task) throw new Error('seed changed');
  const entry: ProgressEntry = {
    id: '150627-progress-cli-1',
    officeCode: '150627',
    subjectKind: 'task',
    subjectId: task.id,
    period: '2025-11',
    percent: 30,
    status: 'in-progress',
    thisMonth: '推进中',
    problems: '3家企业未建立固废台账',
    nextSteps: '',
    reportedBy: '旗工信局',
    departmentId: gxj.id,
    reportedAt: '2025-12-03T09:00:00.000+08:00',
    deviceId: ws.deviceId,
  };
  await ws.records.addProgress(entry);
  await ws.records.addProgress({ ...entry, id: '150627-progress-cli-2', problems: '无', departmentId: undefined, reportedBy: '无废办' });
  return { gxj: gxj.id, entry };
}

describe('zwc problems', () => {
  it('raise prints what it raised (dry run first), list shows it, close records the 销号, undo takes it back', async () => {
    const { entry } = await withReports();
    const id = problemIdFromEntry('150627', entry.id);

    const dry = await zwc('--workspace', tmp.dir, 'problems', 'raise', '--dry-run');
    expect(dry.code).toBe(EXIT.ok);
    expect(dry.out).toContain('3家企业未建立固废台账\t新问题 / new：一般');
    expect(dry.out).toContain('共 1 条待登记（未登记）');
    expect((await zwc('--workspace', tmp.dir, 'problems', 'list')).out).toBe('没有符合条件的问题 / no problems\n');

    const raised = await zwc('--workspace', tmp.dir, 'problems', 'raise', '--kind', '复杂');
    expect(raised.code).toBe(EXIT.ok);
    expect(raised.out).toContain(`已登记 / raised：复杂，办结时限 2026-03-03（${id}）`);
    expect(raised.out).toContain('已登记新问题 1 个，并入已有问题 0 条');
    expect((await zwc('--workspace', tmp.dir, 'problems', 'raise')).out).toBe('2025年11月的报告中没有待登记的存在问题 / nothing to raise\n');

    const list = await zwc('--workspace', tmp.dir, 'problems', 'list', '--unit', '旗工信局');
    expect(list.out.split('\n')[0].split('\t')).toEqual(['待处理', '2026-03-03', '旗工信局', expect.stringContaining('工业固体废物'), '3家企业未建立固废台账（复杂，提出 2025-12-03，已 1 天）', id]);
    const late = await zwcAt(LATER)('--workspace', tmp.dir, 'problems', 'list', '--status', '已逾期', '--on', '2026-03-04');
    expect(late.out).toContain('已逾期\t2026-03-03');
    expect(late.out).toContain('逾期1天');

    expect((await zwc('--workspace', tmp.dir, 'problems', 'close', id)).code).toBe(EXIT.usage);
    const bad = await zwc('--workspace', tmp.dir, 'problems', 'close', id, '--evidence', '台账照片', '--on', '2025-12-01');
    expect(bad.code).toBe(EXIT.refused);
    expect(bad.err).toContain('销号日期（2025-12-01）不能早于提出日期（2025-12-03）');
    const closed = await zwc('--workspace', tmp.dir, 'problems', 'close', id, '--evidence', '3家企业台账已建立', '--by', '张三');
    expect(closed.code).toBe(EXIT.ok);
    expect(closed.out).toBe('已销号 / closed：3家企业未建立固废台账（2025-12-04，依据：3家企业台账已建立）\n');
    expect((await zwc('--workspace', tmp.dir, 'problems', 'list')).out).toBe('没有符合条件的问题 / no problems\n');
    expect((await zwc('--workspace', tmp.dir, 'problems', 'list', '--status', '已销号')).out).toContain('2025-12-04 销号（3家企业台账已建立，张三）');

    expect((await zwc('--workspace', tmp.dir, 'undo')).out).toBe('已撤销 / undone: 问题销号\n');
    expect((await zwc('--workspace', tmp.dir, 'problems', 'list')).out).toContain('待处理\t2026-03-03');
  });

  it('refuses an unknown status, unit, kind and problem with a clear message', async () => {
    await withReports();
    const status = await zwc('--workspace', tmp.dir, 'problems', 'list', '--status', '紧急');
    expect([status.code, status.err]).toEqual([EXIT.usage, expect.stringContaining('--status 应为 未销号、待处理、处理中、已逾期、已销号 或 全部')]);
    const unit = await zwc('--workspace', tmp.dir, 'problems', 'list', '--unit', '旗外事局');
    expect([unit.code, unit.err]).toEqual([EXIT.notFound, expect.stringContaining('本单位名录中没有“旗外事局”')]);
    const kind = await zwc('--workspace', tmp.dir, 'problems', 'raise', '--kind', '特殊');
    expect([kind.code, kind.err]).toEqual([EXIT.usage, expect.stringContaining('特殊问题请在程序中确定办结时限')]);
    const none = await zwc('--workspace', tmp.dir, 'problems', 'close', '150627-problem-x', '--evidence', 'x');
    expect([none.code, none.err]).toEqual([EXIT.notFound, expect.stringContaining('没有编号为 150627-problem-x 的问题')]);
  });
});
