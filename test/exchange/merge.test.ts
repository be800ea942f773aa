import { mergeRecord, mergeRecords, mergeTables, normaliseRecord, openConflicts, resolveConflict } from '../../shared/exchange/merge';
import { exchangeMetaOf, plainFields } from '../../shared/exchange/records';
import { department, edited, office, progressEntry, stamp, stored, tombstoned } from './fixtures';

const A = 'laptopA';
const B = 'laptopB';

describe('mergeRecord', () => {
  it('takes a later edit that was made after seeing the earlier one, without a conflict', () => {
    const base = stored(department('d1'), stamp(1, A));
    const onB = edited(mergeRecord(base, base), { name: '旗生态环境局' }, stamp(5, B));
    const merged = mergeRecord(base, onB);
    expect(merged.name).toBe('旗生态环境局');
    expect(openConflicts(merged)).toEqual([]);
    // …even after B's copy went through a local edit that rebuilt the row (only `_seen` carries the history).
    const again = edited(onB, { aliases: ['旗环境局'] }, stamp(6, B));
    expect(openConflicts(mergeRecord(base, again))).toEqual([]);
  });

  it('keeps both values of a field edited on two laptops that had not seen each other, later stamp current', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const onA = edited(base, { name: '甲' }, stamp(5, A));
    const onB = edited(base, { name: '乙' }, stamp(6, B));
    for (const merged of [mergeRecord(onA, onB), mergeRecord(onB, onA)]) {
      expect(merged.name).toBe('乙');
      expect(openConflicts(merged)).toEqual([
        {
          field: 'name',
          values: [
            { value: '甲', stamp: stamp(5, A) },
            { value: '乙', stamp: stamp(6, B) },
          ],
        },
      ]);
    }
  });

  it('does not call edits of different fields a conflict', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const merged = mergeRecord(edited(base, { name: '甲' }, stamp(5, A)), edited(base, { aliases: ['乙'] }, stamp(6, B)));
    expect(merged).toMatchObject({ name: '甲', aliases: ['乙'] });
    expect(openConflicts(merged)).toEqual([]);
  });

  it('settles a conflict everywhere once someone resolves it with a new write', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const conflicted = mergeRecord(edited(base, { name: '甲' }, stamp(5, A)), edited(base, { name: '乙' }, stamp(6, B)));
    // A person on A chooses 甲 (the older value): a new write, even though 甲 was one of the values.
    const resolved = resolveConflict(conflicted, 'name', '甲', stamp(7, A));
    expect(openConflicts(resolved)).toEqual([]);
    const onB = mergeRecord(edited(base, { name: '乙' }, stamp(6, B)), conflicted);
    expect(openConflicts(onB)).toHaveLength(1);
    const settled = mergeRecord(onB, resolved);
    expect(settled.name).toBe('甲');
    expect(openConflicts(settled)).toEqual([]);
    // A plain local edit of the field resolves it too (the repository's ordinary update).
    const edit = edited(conflicted, { name: '丙' }, stamp(8, B));
    expect(openConflicts(edit)).toEqual([]);
    expect(openConflicts(mergeRecord(conflicted, edit))).toEqual([]);
    expect(() => resolveConflict(conflicted, 'name', '甲', stamp(2, A))).toThrow('应晚于');
  });

  it('lets a deletion later than every edit win, and keeps merging fields into the tombstone', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const editB = edited(base, { name: '乙' }, stamp(4, B));
    const deleteA = tombstoned(base, stamp(5, A));
    const merged = mergeRecord(deleteA, editB);
    expect(merged._deleted).toBe(stamp(5, A));
    expect(merged.name).toBe('乙');
    expect(mergeRecord(editB, deleteA)).toEqual(merged);
  });

  it('brings a record back when it was edited (or restored) after the deletion', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const deleteA = tombstoned(base, stamp(5, A));
    const editB = edited(base, { name: '乙' }, stamp(6, B));
    expect(mergeRecord(deleteA, editB)).toMatchObject({ _deleted: null, name: '乙' });
    const restoredB = { ...mergeRecord(deleteA, deleteA), _deleted: null, _updated: stamp(7, B) };
    expect(mergeRecord(deleteA, restoredB)._deleted).toBeNull();
  });

  it('treats the same plan seeded on two laptops as agreement, not conflict', () => {
    const onA = stored(department('d1'), stamp(1, A));
    const onB = stored(department('d1'), stamp(2, B));
    const merged = mergeRecord(onA, onB);
    expect(openConflicts(merged)).toEqual([]);
    expect(merged._siblings?.name).toEqual([stamp(1, A), stamp(2, B)]);
    const later = edited(merged, { name: '新' }, stamp(3, B));
    expect(normaliseRecord(later)._siblings?.name).toBeUndefined();
  });

  it('keeps a cleared optional field as a value of its own', () => {
    const base = normaliseRecord(stored(department('d1', { officeCodes: ['150627'] }), stamp(1, A)));
    const clearedA = edited(base, { officeCodes: undefined }, stamp(5, A));
    delete clearedA.officeCodes;
    const setB = edited(base, { officeCodes: ['150600'] }, stamp(4, B));
    const merged = mergeRecord(clearedA, setB);
    expect('officeCodes' in merged).toBe(false);
    expect(openConflicts(merged)[0].values).toEqual([{ value: ['150600'], stamp: stamp(4, B) }, { stamp: stamp(5, A) }]);
  });
});

describe('mergeRecords and the preview', () => {
  it('reports added, changed, conflicts and unchanged, and which rows to write', () => {
    const d1 = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const d2 = normaliseRecord(stored(department('d2'), stamp(1, A)));
    const d3 = normaliseRecord(stored(department('d3'), stamp(1, A)));
    const local = [edited(d1, { name: '甲' }, stamp(5, A)), d2, d3];
    const incoming = [edited(d1, { name: '乙' }, stamp(6, B)), tombstoned(d2, stamp(6, B)), d3, stored(department('d4'), stamp(6, B))];
    const { records, writes, preview } = mergeRecords(local, incoming, { table: 'departments' });
    expect(records.map((r) => r.id)).toEqual(['150627-d1', '150627-d2', '150627-d3', '150627-d4']);
    expect(preview.added).toEqual([{ table: 'departments', id: '150627-d4', deleted: false }]);
    // d1's name is in conflict: listed once, as a conflict, not also as an update
    expect(preview.changed).toEqual([{ table: 'departments', id: '150627-d2', fields: [], changes: [], liveness: 'deleted' }]);
    expect(preview.conflicts.map((c) => [c.id, c.field])).toEqual([['150627-d1', 'name']]);
    expect(preview.unchanged).toEqual([{ table: 'departments', id: '150627-d3' }]);
    expect(writes.map((r) => r.id)).toEqual(['150627-d1', '150627-d2', '150627-d4']);
  });

  it('never lists a field both as an update and as a conflict, and gives each update its old and new value', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const local = edited(base, { name: '甲' }, stamp(5, A));
    const incoming = edited(base, { name: '乙', aliases: ['别名'] }, stamp(6, B));
    const { preview } = mergeRecords([local], [incoming], { table: 'departments' });
    expect(preview.conflicts.map((c) => c.field)).toEqual(['name']);
    expect(preview.changed).toEqual([
      { table: 'departments', id: '150627-d1', fields: ['aliases'], changes: [{ field: 'aliases', before: [], after: ['别名'] }] },
    ]);
    for (const c of preview.changed) for (const f of c.fields) expect(preview.conflicts.some((x) => x.id === c.id && x.field === f)).toBe(false);
    expect(preview.unchanged).toEqual([]);
  });

  it('lists a record whose only news is a conflict under conflicts alone', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const { preview } = mergeRecords([edited(base, { name: '甲' }, stamp(5, A))], [edited(base, { name: '乙' }, stamp(6, B))], { table: 'departments' });
    expect(preview.conflicts.map((c) => [c.id, c.field])).toEqual([['150627-d1', 'name']]);
    expect(preview.changed).toEqual([]);
    expect(preview.unchanged).toEqual([]);
  });

  it('unions append-only progress entries by id and merges their tombstones', () => {
    const p1 = stored(progressEntry('p1'), stamp(1, A));
    const p2 = stored(progressEntry('p2', { deviceId: B }), stamp(2, B));
    const undone = tombstoned(p1, stamp(3, A));
    const { records, preview } = mergeRecords([p1], [p2, undone], { table: 'progress' });
    expect(records.map((r) => [r.id, r._deleted])).toEqual([
      ['150627-p1', stamp(3, A)],
      ['150627-p2', null],
    ]);
    expect(preview.added.map((r) => r.id)).toEqual(['150627-p2']);
    expect(preview.changed).toEqual([{ table: 'progress', id: '150627-p1', fields: [], changes: [], liveness: 'deleted' }]);
  });

  it('keys offices by division code and merges every table of a bundle', () => {
    const o = stored(office(), stamp(1, A));
    const renamed = edited(normaliseRecord(o), { name: '测试旗（新）' }, stamp(2, B));
    const result = mergeTables({ offices: [o] }, { offices: [renamed], departments: [stored(department('d9'), stamp(2, B))] });
    expect(result.tables.offices).toHaveLength(1);
    expect(result.tables.offices[0].name).toBe('测试旗（新）');
    expect(result.preview.added).toEqual([{ table: 'departments', id: '150627-d9', deleted: false }]);
    expect(result.writes.offices).toHaveLength(1);
  });

  it('leaves the bookkeeping out of the plain record and hands it over for local writes', () => {
    const base = normaliseRecord(stored(department('d1'), stamp(1, A)));
    const merged = mergeRecord(edited(base, { name: '甲' }, stamp(5, A)), edited(base, { name: '乙' }, stamp(6, B)));
    expect(Object.keys(plainFields(merged)).some((k) => k.startsWith('_'))).toBe(false);
    expect(Object.keys(exchangeMetaOf(merged)).sort()).toEqual(['_conflicts', '_seen']);
  });
});
