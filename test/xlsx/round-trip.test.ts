import { exportPlanTables } from '../../shared/xlsx/export-tables';
import { previewPlanImport, buildPlanImport } from '../../shared/xlsx/plan-import';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { SEED_FILES, seedPlan } from './helpers';

describe('export then import gives back the same records', () => {
  test.each(SEED_FILES)('%s', async (file) => {
    const plan = seedPlan(file);
    const bytes = await writeWorkbook(exportPlanTables(plan, { today: '2025-06-10' }));
    const wb = await readWorkbook(bytes);
    const ctx = { fileName: `${file}.xlsx`, officeCode: plan.office.code, existing: null };
    const preview = previewPlanImport(wb, ctx);
    expect(preview.counts.error).toBe(0);
    expect(preview.rows.filter((r) => r.problems.length).map((r) => r.problems)).toEqual([]);
    expect(preview.unknownDepartments).toEqual([]);
    const built = buildPlanImport(preview, ctx);
    expect(built.failed).toEqual([]);
    expect(built.departments).toEqual(plan.departments);
    expect(built.leaders).toEqual(plan.leaders);
    expect(built.tasks).toEqual(plan.tasks);
    expect(built.projects).toEqual(plan.projects);
    expect(built.indicators).toEqual(plan.indicators);
  });
});
