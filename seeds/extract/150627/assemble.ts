// Merges the hand-read task list (seeds/extract/150627/tasks.json, written by gen.py) into seeds/150627-yijinhuoluo.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDeadline } from '../../../shared/domain/parse-deadline';
import { SeedPlanSchema, type SeedDepartment } from '../../../shared/seed/seed-schema';

const seedPath = 'seeds/150627-yijinhuoluo.json';
const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
const tasks = JSON.parse(readFileSync('seeds/extract/150627/tasks.json', 'utf8'));
seed.tasks = tasks.map((t: Record<string, unknown>) => ({ ...t, deadline: parseDeadline(t.deadline as string) }));
const byName = new Map<string, SeedDepartment>(seed.departments.map((d: SeedDepartment) => [d.name, d]));
const addAlias = (name: string, alias: string) => {
  const d = byName.get(name);
  if (d && !d.aliases.includes(alias)) d.aliases.push(alias);
};
addAlias('旗自然资源局', '自然资源局');
addAlias('旗生态环境局', '生态环境局');
const kindOf = (name: string): SeedDepartment['kind'] =>
  name === '各镇人民政府' ? 'collective' : name.endsWith('镇') ? 'township' : 'department';
for (const t of seed.tasks) {
  for (const ref of [...t.leads, ...t.participants]) {
    if (byName.has(ref.department)) continue;
    const d: SeedDepartment = { name: ref.department, aliases: [], kind: kindOf(ref.department), source: t.source };
    byName.set(d.name, d);
    seed.departments.push(d);
  }
}
if (!seed.plan.review) {
  seed.plan.review = [
    {
      field: 'documentNumber',
      reason:
        '公报（004 第1415行）所载文号为「伊政办发〔2023〕31号」，种子文件说明（000）写作「伊政发〔2023〕85号」，两者发文机关与编号均不同；此处按公报原文，待核实',
    },
  ];
}
SeedPlanSchema.parse(seed);
writeFileSync(seedPath, JSON.stringify(seed, null, 2) + '\n');
console.log(`tasks ${seed.tasks.length}, departments ${seed.departments.length}`);
