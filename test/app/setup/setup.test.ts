import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../../shared/app/workspace';
import { workspaceSettings } from '../../../shared/app/settings';
import type { SeedCatalogue } from '../../../shared/app/setup/setup';

/** The seeds this test ships: the renderer and `zwc` pass theirs the same way. */
const FILES: Record<string, string> = { '150627': '150627-yijinhuoluo.json', '150600': '150600-ordos.json' };
const seeds: SeedCatalogue = {
  plan: (code) => (FILES[code] ? { load: async () => JSON.parse(readFileSync(join(__dirname, '../../../seeds', FILES[code]), 'utf8')) as unknown } : undefined),
};
const NOW = new Date('2027-03-10T08:00:00Z');

const fresh = (withSeeds = true): Promise<Workspace> => openWorkspace(new MemoryStorage(), { now: () => NOW.getTime(), ...(withSeeds ? { seeds } : {}) });

describe('setting a workspace up, the same from every host', () => {
  it('offers the sources an office has: its own plan, its city’s, always empty', async () => {
    const ws = await fresh();
    expect(ws.setup.sources('150627')).toEqual(['seed', 'city', 'empty']);
    expect(ws.setup.sources('150621')).toEqual(['city', 'empty']);
    expect(ws.setup.sources('150600')).toEqual(['seed', 'empty']);
    expect(ws.setup.sources('110101')).toEqual(['empty']);
    // Without a catalogue (a host that ships no seeds) only empty is offered.
    expect((await fresh(false)).setup.sources('150627')).toEqual(['empty']);
  });

  it('loads the seeded plan and records which office the workspace keeps, with the host’s clock', async () => {
    const ws = await fresh();
    const settings = await ws.setup.setUp('150627', 'seed');
    expect(settings).toEqual({ officeCode: '150627', role: 'county', setupAt: NOW.toISOString() });
    expect(await workspaceSettings(ws.storage)).toEqual(settings);
    const plan = await ws.records.readPlan('150627');
    expect(plan.tasks).toHaveLength(83);
    expect(plan.office.currentPlanId).toBeTruthy();
  });

  it('starts a county office from the tasks its city assigned it', async () => {
    const ws = await fresh();
    const preview = await ws.setup.startingPlan('150621', 'city');
    expect(preview.tasks.length).toBeGreaterThan(0);
    expect(preview.tasks.every((t) => t.fromCity?.officeCode === '150600')).toBe(true);
    await ws.setup.setUp('150621', 'city');
    const plan = await ws.records.readPlan('150621');
    expect(plan.tasks).toHaveLength(preview.tasks.length);
    expect(plan.office.name).toBe('达拉特旗');
  });

  it('starts an office without a plan empty, with a first plan period from this year', async () => {
    const ws = await fresh();
    const settings = await ws.setup.setUp('110101', 'empty');
    expect(settings.role).toBe('county');
    const plan = await ws.records.readPlan('110101');
    expect(plan.tasks).toEqual([]);
    expect(plan.office.plans).toEqual([{ id: plan.office.currentPlanId, title: '东城区“无废城市”建设实施方案', fromYear: 2027, toYear: 2031, status: 'in-force' }]);
  });

  it('an empty start of a seeded office keeps the office and its plan periods, no records (the preview says so too)', async () => {
    const ws = await fresh();
    const preview = await ws.setup.startingPlan('150627', 'empty');
    expect([preview.tasks.length, preview.projects.length, preview.indicators.length, preview.departments.length]).toEqual([0, 0, 0, 0]);
    await ws.setup.setUp('150627', 'empty');
    const plan = await ws.records.readPlan('150627');
    expect(plan.tasks).toEqual([]);
    expect(plan.office.plans?.length).toBeGreaterThan(0);
  });

  it('sets an office up from its Excel plan with a plan period named after the file', async () => {
    const ws = await fresh();
    const settings = await ws.setup.setUpFromExcel({ code: '150621', name: ' 达拉特旗 ', level: 'county' }, { departments: [], leaders: [], tasks: [], projects: [], indicators: [] }, '达拉特旗方案.xlsx');
    expect(settings).toEqual({ officeCode: '150621', role: 'county', setupAt: NOW.toISOString() });
    const { office } = await ws.records.readPlan('150621');
    expect(office.name).toBe('达拉特旗');
    expect(office.parentCode).toBe('150600');
    expect(office.plans?.[0]).toMatchObject({ title: '达拉特旗“无废城市”建设实施方案（达拉特旗方案.xlsx）', fromYear: 2027, toYear: 2031 });
    await expect(ws.setup.setUpFromExcel({ code: '150621', name: '  ', level: 'county' }, { departments: [], leaders: [], tasks: [], projects: [], indicators: [] }, 'x.xlsx')).rejects.toThrow('请填写单位名称');
  });

  it('refuses to set a workspace up for a second office, and says which it keeps', async () => {
    const ws = await fresh();
    await ws.setup.setUp('150627', 'seed');
    await expect(ws.setup.setUp('150600', 'seed')).rejects.toThrow('此工作区已设为 150627，不能再设为 150600');
  });

  it('names what is missing: no seed, no city plan, a code not in GB/T 2260', async () => {
    const ws = await fresh();
    await expect(ws.setup.startingPlan('150621', 'seed')).rejects.toThrow('没有 150621 的预置方案');
    await expect(ws.setup.startingPlan('110101', 'city')).rejects.toThrow('东城区所属的市没有预置方案');
    await expect(ws.setup.startingPlan('999999', 'empty')).rejects.toThrow('999999 不在 GB/T 2260 区划表中');
  });
});
