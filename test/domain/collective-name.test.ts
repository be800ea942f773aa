import { collectiveNote, isCollectiveDepartment, isCollectiveName } from '../../shared/domain/collective-name';
import { seededPlan } from '../print/seeded-plan';

describe('collective names', () => {
  it.each(['各成员单位', '各镇人民政府', '各苏木镇', '相关部门', '各有关单位', '有关单位', '市各相关部门', '各旗区人民政府', '各旗县区人民政府', '各相关街镇', '各街镇', '其他成员单位', '成员单位', '旗有关部门', '旗发改委等相关部门', ' 各成员单位 '])(
    '%s stands for a group of units',
    (name) => expect(isCollectiveName(name)).toBe(true),
  );

  it.each(['旗生态环境局', '旗无废办', '阿勒腾席热镇', '昆河镇', '昆北街道办事处', '准格尔旗人民政府', '蒙苏经济开发区管委会', '神东布尔台煤矿', '旗教体局', '园区管委会', '第三方测评机构', ''])(
    '%s is one unit',
    (name) => expect(isCollectiveName(name)).toBe(false),
  );

  it('marks the collective units of the seeded plans, and only those', () => {
    for (const file of ['150627-yijinhuoluo.json', '150203-kundulun.json', '150600-ordos.json', '150100-hohhot.json']) {
      const plan = seededPlan(file);
      const collective = plan.departments.filter(isCollectiveDepartment).map((d) => d.name);
      const marked = plan.departments.filter((d) => d.kind === 'collective' || d.kind === 'all-subordinate-offices').map((d) => d.name);
      expect(collective).toEqual(marked);
    }
    expect(seededPlan().departments.filter(isCollectiveDepartment).map((d) => d.name)).toEqual(['各成员单位', '各镇人民政府']);
  });

  it('a unit named collectively is one even when the directory calls it a department', () => {
    expect(isCollectiveDepartment({ name: '各有关单位', kind: 'department' })).toBe(true);
    expect(collectiveNote('各成员单位', '旗无废办')).toBe('各成员单位：未单独发送，由旗无废办另行通知');
  });
});
