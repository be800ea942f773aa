/**
 * 昆都仑区 plan (seeds/150203-kundulun.json) against its source, 001_3c9ce9c7542e0f0b.txt.
 * Line numbers in comments are lines of that file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { deadlineKind } from '../../shared/domain/deadline';
import { mergeDepartmentPatches } from '../../shared/views/department-merge';
import type { Task } from '../../shared/domain/task';

const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150203-kundulun.json'), 'utf8')));
const dept = (id: string) => plan.departments.find((d) => d.id === id)?.name;
const leader = (id: string) => plan.leaders.find((l) => l.id === id)?.name;
const tasksNumbered = (n: string) => plan.tasks.filter((t) => t.number === n);
const only = (n: string): Task => {
  const [t] = tasksNumbered(n);
  return t;
};

describe('昆都仑区 seeded plan', () => {
  it('has the 20 numbered tasks, two of them numbered 18 and none 19, and no projects or indicators', () => {
    expect(plan.tasks).toHaveLength(20);
    expect(tasksNumbered('18').map((t) => t.title)).toEqual(['建立健全固体废物管理制度体系', '建立健全固体废物技术标准体系']); // lines 171, 175
    expect(tasksNumbered('19')).toEqual([]);
    expect(plan.projects).toEqual([]);
    expect(plan.indicators).toEqual([]);
  });

  it('says why it has no project list', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../seeds/150203-kundulun.json'), 'utf8')) as { notes: string[]; plan: { documentNumber: string } };
    expect(raw.notes.some((n) => n.includes('项目清单') && n.includes('未收录'))).toBe(true); // lines 191–192
    expect(raw.plan.documentNumber).toBe('昆府办发〔2023〕9号'); // line 5
  });

  it('names the responsible leaders of task 1 and keeps its two parts with their own units', () => {
    const t = only('1'); // lines 31–40
    expect(t.leaderIds.map(leader)).toEqual(['李忠', '王秀娟', '李红宇']);
    expect(t.parts?.map((p) => p.leads.map((l) => dept(l.departmentId)))).toEqual([['区工信局', '区发改委', '区政务局'], ['区工信局', '区发改委']]);
    expect(t.parts?.[0].participants.map((p) => [dept(p.departmentId), p.role])).toEqual([['区住建局', '配合'], ['区生态环境分局', '配合']]);
    expect(t.parts?.[1].leaderIds.map(leader)).toEqual(['李忠', '李红宇']); // line 38
    expect(deadlineKind(t.deadline)).toBe('ongoing');
  });

  it('parses the compound deadline of task 5 into dated stages and an ongoing remainder, keeping the text', () => {
    const t = only('5'); // line 88
    expect(deadlineKind(t.deadline)).toBe('compound');
    expect(t.deadline.points.map((p) => p.date)).toEqual(['2023-12-31', '2025-12-31']);
    expect(t.deadline.points[1].scope).toBe('建立全区历史遗留固体废物堆场分类、分级管控清单，有序开展整治和管控工作');
    expect(t.deadline.open).toBe('ongoing');
    expect(t.deadline.text.startsWith('2023年底前完成以遥感排查结果为基础')).toBe(true);
    expect(t.participants.map((p) => dept(p.departmentId))).toEqual(['区工信局', '区自然资源分局', '区财政局', '园区管委会', '各相关街镇']); // line 87
  });

  it('reads task 8 (秸秆) and task 6 (a plain year-end)', () => {
    expect(only('8').deadline.points.map((p) => p.date)).toEqual(['2023-12-31', '2025-12-31']); // line 102
    expect(only('8').participants.map((p) => dept(p.departmentId))).toEqual(['各相关街镇']); // line 101
    expect(deadlineKind(only('6').deadline)).toBe('year-end'); // line 93: 2025年底
    expect(only('6').leaderIds.map(leader)).toEqual(['王秀娟']);
  });

  it('classes 建筑垃圾 task 13 as construction and its towns as townships', () => {
    const t = only('13'); // lines 135–150
    expect(t.domain).toBe('construction');
    expect(t.parts).toHaveLength(3);
    expect(t.deadline.points.map((p) => p.date)).toEqual(['2024-12-31', '2025-12-31']);
    const towns = plan.departments.filter((d) => d.kind === 'township').map((d) => d.name);
    expect(towns).toEqual(['昆河镇', '卜尔汉图镇', '昆北街道办事处']);
  });

  it('has 医疗废物 task 17 led by 区卫生健康委 and 区生态环境分局 under 张华 and 杨勇', () => {
    const t = only('17'); // lines 166–169
    expect(t.domain).toBe('hazardous');
    expect(t.leads.map((l) => dept(l.departmentId))).toEqual(['区卫生健康委', '区生态环境分局']);
    expect(t.leaderIds.map(leader)).toEqual(['张华', '杨勇']);
  });

  it('moves references inside parts too when two departments are merged', () => {
    const keep = plan.departments.find((d) => d.name === '区生态环境分局')?.id ?? '';
    const drop = plan.departments.find((d) => d.name === '区住建局')?.id ?? '';
    const patches = mergeDepartmentPatches(plan, keep, drop);
    const t1 = patches.find((p) => p.table === 'tasks' && p.id === only('1').id)?.patch as Partial<Task>;
    expect(t1.parts?.[0].participants.map((p) => p.departmentId)).toEqual([keep]);
  });
});
