import { receiverOf } from '../../../shared/exchange/rules';
import { LATER, ORDOS, T_A, T_B, TASK, YIQI, laptop, receive, send } from '../../support/laptops';
import { conflictSides, devicesFromHistory, keepExistingWrite, laptopLabels, marksOf } from '../../../shared/app/exchange/conflicts';
import { mergeRecord } from '../../../shared/exchange/merge';
import type { StoredRecord } from '../../../shared/exchange/records';
import type { ImportRecord } from '../../../shared/exchange/history';
import { closePlan, revisePlan } from '../../../shared/app/plan-periods/plan-periods';

/**
 * Conflicts as a clerk sees them, from real signed bundles between workspaces on MemoryStorage:
 * two laptops of 伊金霍洛旗, and the 鄂尔多斯市 office that receives both.
 */

describe('conflicts as shown to a clerk', () => {
  it('names 本机 and 对方 (by office and device from the import history) with the time of each edit, and marks the record', async () => {
    const a = await laptop(YIQI, T_A, 'aaaa1111');
    const b = await laptop(YIQI, T_B, 'bbbb2222');
    await a.records.update('tasks', TASK, { title: '甲的写法' });
    await b.records.update('tasks', TASK, { title: '乙的写法' });
    await receive(a, '150627', await send(b, '150627'));

    const views = await a.exchange.conflictViews('150627', 'county');
    expect(views).toHaveLength(1);
    const [c] = views;
    expect(c).toMatchObject({ officeCode: '150627', officeName: '伊金霍洛旗', own: true, table: 'tasks', tableLabel: '任务', id: TASK, field: 'title', fieldLabel: '任务名称' });
    expect(c.title).toBe('工业固体废物 7 乙的写法');
    expect(c.sides.map((s) => [s.who, s.label, s.at, s.value, s.current])).toEqual([
      ['本机', '本机', '2026年11月20日 10:03', '甲的写法', false],
      ['对方', `伊金霍洛旗 · 第1台电脑（设备 ${b.deviceId.slice(0, 4)}…）`, '2026年11月20日 10:41', '乙的写法', true],
    ]);

    const marks = await a.exchange.conflictMarks('150627', 'county');
    expect([...marks.recordIds]).toEqual([TASK]);
    expect(marks.byOffice.get('150627')).toBe(1);
    // The same marks from the rows the window's read of the plan already holds (no second read).
    const { rows } = await a.records.readPlanRows('150627');
    expect(marksOf('150627', rows)).toEqual(marks);
    expect(await a.exchange.countyConflictMarks('150627')).toEqual({ recordIds: new Set(), byOffice: new Map() });

    // Keeping the older (本机) write is a new write of this laptop that the other laptop accepts.
    const kept = c.sides[0];
    expect(await a.exchange.keepConflictSide('tasks', TASK, 'title', kept.stamp)).toEqual({ local: false });
    expect(await a.exchange.conflictViews('150627', 'county')).toEqual([]);
    expect((await a.exchange.conflictMarks('150627', 'county')).recordIds.size).toBe(0);
    expect((await a.records.get('tasks', TASK))?.title).toBe('甲的写法');
    await receive(b, '150627', await send(a, '150627'));
    expect((await b.records.get('tasks', TASK))?.title).toBe('甲的写法');
    expect(await b.exchange.conflictViews('150627', 'county')).toEqual([]);
    // A stale choice is refused rather than guessed.
    await expect(a.exchange.keepConflictSide('tasks', TASK, 'title', kept.stamp)).rejects.toThrow('已处理');
  });

  it('in a closed plan, only keeps the value the record shows: the other would change what the final assessment was made from', async () => {
    const a = await laptop(YIQI, T_A, 'aaaa1111');
    const b = await laptop(YIQI, T_B, 'bbbb2222');
    await a.records.update('tasks', TASK, { title: '甲的写法' });
    await b.records.update('tasks', TASK, { title: '乙的写法' });
    await receive(a, '150627', await send(b, '150627'));
    const data = await a.records.readPlan('150627');
    await a.records.apply(closePlan(data, data.office.currentPlanId!, '2026-11-21'));

    const [c] = await a.exchange.conflictViews('150627', 'county');
    const other = c.sides.find((s) => !s.current)!;
    await expect(a.exchange.keepConflictSide('tasks', TASK, 'title', other.stamp)).rejects.toThrow('只读');
    expect((await a.records.get('tasks', TASK))?.title).toBe('乙的写法');
    expect(await a.exchange.conflictViews('150627', 'county')).toHaveLength(1);

    await a.exchange.keepConflictSide('tasks', TASK, 'title', c.sides.find((s) => s.current)!.stamp);
    expect(await a.exchange.conflictViews('150627', 'county')).toEqual([]);
    expect((await a.records.get('tasks', TASK))?.title).toBe('乙的写法');
  });

  it('names devices it has no history of by a short id, and tells two devices apart', () => {
    const values = [
      { value: 'x', stamp: '001763604180000:000000:abcd1111' },
      { value: 'y', stamp: '001763606460000:000000:abcd2222' },
    ];
    const sides = conflictSides(values, values[1].stamp, { deviceId: 'me', devices: new Map() });
    expect(sides.map((s) => s.label)).toEqual(['对方（设备 abcd1…）', '对方（设备 abcd2…）']);
    const history: ImportRecord[] = [
      { at: '2026-11-20T00:00:00Z', bundleId: 'x', officeCode: '150627', deviceId: 'abcd1111', sequence: 1, period: '2026-11', fingerprint: '', fileName: 'f', outcome: 'refused' },
      { at: '2026-11-21T00:00:00Z', bundleId: 'y', officeCode: '150621', deviceId: 'abcd1111', sequence: 2, period: '2026-11', fingerprint: '', fileName: 'g', outcome: 'merged' },
    ];
    expect(devicesFromHistory(history).get('abcd1111')).toBe('150621');
  });

  it('numbers each office\'s laptops in the order their files first arrived, or uses the label given to the key', () => {
    const rec = (at: string, officeCode: string, deviceId: string, fingerprint: string): ImportRecord => ({ at, bundleId: at, officeCode, deviceId, sequence: 1, period: '2026-11', fingerprint, fileName: 'f', outcome: 'merged' });
    const history = [rec('2026-11-22T00:00:00Z', '150627', 'dev2', '1111 1111 1111 1111 1111 1111 1111 2222'), rec('2026-11-20T00:00:00Z', '150627', 'dev1', '1111 1111 1111 1111 1111 1111 1111 1111'), rec('2026-11-21T00:00:00Z', '150621', 'dev3', '3333 3333 3333 3333 3333 3333 3333 3333')];
    expect(Object.fromEntries(laptopLabels(history))).toEqual({ dev1: '第1台电脑', dev2: '第2台电脑', dev3: '第1台电脑' });
    // A label is used only for the office it was registered for.
    const keys = [
      { officeCode: '150627', label: '李四的电脑', fingerprint: '11111111111111111111111111112222' },
      { officeCode: '150627', label: '王五', fingerprint: '3333 3333 3333 3333 3333 3333 3333 3333' },
      // Older versions labelled a key trusted on first import "office · device id": not a name.
      { officeCode: '150627', label: '伊金霍洛旗 · dev1', fingerprint: '1111 1111 1111 1111 1111 1111 1111 1111' },
    ];
    const labels = laptopLabels(history, keys);
    expect([labels.get('dev1'), labels.get('dev2'), labels.get('dev3')]).toEqual(['第1台电脑', '李四的电脑', '第1台电脑']);
    const sides = conflictSides([{ value: 'x', stamp: '001763604180000:000000:dev2' }], undefined, { deviceId: 'me', devices: devicesFromHistory(history), laptops: labels });
    expect(sides[0].label).toBe('伊金霍洛旗 · 李四的电脑（设备 dev2）');
  });
});

describe('conflicts between two laptops of a county office, at the city', () => {
  async function cityWithConflict(secondLabel?: string) {
    const a = await laptop(YIQI, T_A, 'aaaa1111');
    const b = await laptop(YIQI, T_B, 'bbbb2222');
    const city = await laptop(ORDOS, T_A, 'c1c1c1c1');
    await a.records.update('tasks', TASK, { title: '甲的写法' });
    await b.records.update('tasks', TASK, { title: '乙的写法' });
    await receive(city, '150600', await send(a, '150627'));
    const second = await receive(city, '150600', await send(b, '150627'), secondLabel);
    return { a, b, city, second };
  }

  it('shows the conflict under the county office, both sides 对方 and distinguishable, and counts it per office', async () => {
    const { a, b, city, second } = await cityWithConflict();
    expect(second.preview.conflicts.map((c) => c.field)).toEqual(['title']);
    // The city's own office has none: before this, the city's list showed nothing at all.
    expect(await city.exchange.conflictViews('150600', 'county')).toEqual([]);

    const views = await city.exchange.conflictViews('150600', 'city');
    expect(views).toHaveLength(1);
    const [c] = views;
    expect(c).toMatchObject({ officeCode: '150627', officeName: '伊金霍洛旗', own: false, id: TASK, field: 'title' });
    expect(c.sides.map((s) => [s.who, s.label, s.at, s.value])).toEqual([
      ['对方', `伊金霍洛旗 · 第1台电脑（设备 ${a.deviceId.slice(0, 4)}…）`, '2026年11月20日 10:03', '甲的写法'],
      ['对方', `伊金霍洛旗 · 第2台电脑（设备 ${b.deviceId.slice(0, 4)}…）`, '2026年11月20日 10:41', '乙的写法'],
    ]);
    expect(c.sides[0].label).not.toBe(c.sides[1].label);

    const marks = await city.exchange.conflictMarks('150600', 'city');
    expect(marks.recordIds.has(TASK)).toBe(true);
    expect(Object.fromEntries(marks.byOffice)).toEqual({ '150627': 1 });
    // At the city, the county offices' part is read on its own; the city's own comes with its plan.
    expect(await city.exchange.countyConflictMarks('150600')).toEqual(marks);
    expect(marksOf('150600', (await city.records.readPlanRows('150600')).rows).recordIds.size).toBe(0);
  });

  it('names a laptop by the label the city gave its key when registering it', async () => {
    const { a, b, city } = await cityWithConflict('张三的笔记本');
    const [c] = await city.exchange.conflictViews('150600', 'city');
    expect(c.sides.map((s) => s.label)).toEqual([`伊金霍洛旗 · 第1台电脑（设备 ${a.deviceId.slice(0, 4)}…）`, `伊金霍洛旗 · 张三的笔记本（设备 ${b.deviceId.slice(0, 4)}…）`]);
  });

  it('settles it on the city copy only: no write of the city enters the county data, which the city never exports', async () => {
    const { a, b, city } = await cityWithConflict();
    const [c] = await city.exchange.conflictViews('150600', 'city');
    expect(await city.exchange.keepConflictSide('tasks', TASK, 'title', c.sides[0].stamp)).toEqual({ local: true });
    expect(await city.exchange.conflictViews('150600', 'city')).toEqual([]);
    const row = (await city.storage.get('tasks', TASK)) as unknown as StoredRecord;
    expect(row.title).toBe('甲的写法');
    const stamps = [...Object.values(row._stamps), row._updated, ...Object.values(row._seen ?? {})];
    expect(stamps.some((s) => s.endsWith(`:${city.deviceId}`))).toBe(false);
    expect((await city.records.auditOf(TASK)).some((e) => e.actor === '处理冲突（仅本机）')).toBe(true);

    // The city signs only its own office's records: never the county office's data.
    const own = await city.exchange.exportBundle('150600', '2026-11', new Date(LATER));
    expect(own.recordCount).toBeGreaterThan(0);
    const ownTables = await city.exchange.officeTables('150600');
    expect(Object.values(ownTables).flat().some((r) => String(r.id ?? r.code).startsWith('150627'))).toBe(false);
    await expect(city.exchange.exportBundle('150627', '2026-11', new Date(LATER))).rejects.toThrow('只能导出本单位');
    // …and a county laptop takes no bundle from the city anyway.
    const refused = await a.exchange.prepareImport(receiverOf('150627'), { name: own.fileName, data: own.bytes }, new Date(LATER));
    expect(refused.kind === 'refused' && refused.refusal.code).toBe('wrong-office');

    // An old bundle imported again does not reopen the city's choice.
    await receive(city, '150600', await send(b, '150627'));
    expect(await city.exchange.conflictViews('150600', 'city')).toEqual([]);
    expect(((await city.storage.get('tasks', TASK)) as unknown as StoredRecord).title).toBe('甲的写法');

    // The county office's own decision (B keeps its own write, having merged A) replaces the city's choice without a new conflict.
    await receive(b, '150627', await send(a, '150627'));
    const [atB] = await b.exchange.conflictViews('150627', 'county');
    await b.exchange.keepConflictSide('tasks', TASK, 'title', atB.sides.find((s) => s.value === '乙的写法')!.stamp);
    const decided = await receive(city, '150600', await send(b, '150627'));
    expect(decided.preview.conflicts).toEqual([]);
    expect(await city.exchange.conflictViews('150600', 'city')).toEqual([]);
    expect(((await city.storage.get('tasks', TASK)) as unknown as StoredRecord).title).toBe('乙的写法');
  });

  it('keepExistingWrite keeps a chosen write without a new stamp, and merges treat the others as seen', () => {
    const base = { id: '150627-task-1', officeCode: '150627', _deleted: null } as const;
    const x: StoredRecord = { ...base, title: 'X', _stamps: { title: '001763604180000:000000:devA' }, _updated: '001763604180000:000000:devA' };
    const y: StoredRecord = { ...base, title: 'Y', _stamps: { title: '001763606460000:000000:devB' }, _updated: '001763606460000:000000:devB' };
    const both = mergeRecord(x, y);
    expect(both._conflicts).toHaveLength(1);
    const chose = keepExistingWrite(both, 'title', x._stamps.title);
    expect(chose.title).toBe('X');
    expect(chose._conflicts).toBeUndefined();
    expect(mergeRecord(chose, y)._conflicts).toBeUndefined();
    expect(mergeRecord(chose, x).title).toBe('X');
    expect(() => keepExistingWrite(chose, 'title', x._stamps.title)).toThrow('已处理');
  });
});

describe('a conflict in the office record itself (its plan periods)', () => {
  it('is listed and marked, as the import preview promised, and settled like any other', async () => {
    const a = await laptop(YIQI, T_A, 'aaaa1111');
    const b = await laptop(YIQI, T_B, 'bbbb2222');
    // Both laptops record a mid-way revision of the plan: the office's 方案期 field is written on each.
    await a.records.apply(revisePlan(await a.records.readPlan('150627'), '甲记录的修订', '2026-11-20'));
    await b.records.apply(revisePlan(await b.records.readPlan('150627'), '乙记录的修订', '2026-11-20'));
    const prepared = await receive(a, '150627', await send(b, '150627'));
    expect(prepared.preview.conflicts.map((c) => `${c.table}:${c.field}`)).toEqual(['offices:plans']);

    const views = await a.exchange.conflictViews('150627', 'county');
    expect(views.map((v) => [v.table, v.id, v.field, v.fieldLabel, v.title])).toEqual([['offices', '150627', 'plans', '方案期', '伊金霍洛旗']]);
    expect((await a.exchange.conflictMarks('150627', 'county')).byOffice.get('150627')).toBe(1);

    const mine = views[0].sides.find((s) => s.who === '本机')!;
    expect(await a.exchange.keepConflictSide('offices', '150627', 'plans', mine.stamp)).toEqual({ local: false });
    expect(await a.exchange.conflictViews('150627', 'county')).toEqual([]);
    const plans = (await a.records.readPlan('150627')).office.plans ?? [];
    expect(JSON.stringify(plans)).toContain('甲记录的修订');
    expect(JSON.stringify(plans)).not.toContain('乙记录的修订');
  });
});
