import { importedChanges } from '../../../shared/app/exchange/exchange-service';
import type { MergePreview } from '../../../shared/exchange/merge';

/** What an import's one audit row names: each record once, with the fields the import changed ("*" for a new or revived record). */
describe('importedChanges', () => {
  const preview = (p: Partial<MergePreview>): MergePreview => ({ added: [], changed: [], conflicts: [], unchanged: [], ...p });

  it('names every record a first import adds, once, table by table', () => {
    const added = [
      { table: 'tasks' as const, id: '150627-task-1', deleted: false },
      { table: 'progress' as const, id: '150627-task-1', deleted: false },
      { table: 'progress' as const, id: '150627-pe-2', deleted: true },
    ];
    expect(importedChanges(preview({ added, unchanged: [{ table: 'tasks', id: '150627-task-9' }] }))).toEqual([
      { table: 'tasks', id: '150627-task-1', fields: ['*'] },
      { table: 'progress', id: '150627-task-1', fields: ['*'] },
      { table: 'progress', id: '150627-pe-2', fields: ['*'] },
    ]);
  });

  it('gathers a record changed and put in conflict into one entry, with each field once', () => {
    const changed = [{ table: 'tasks' as const, id: '150627-task-1', fields: ['title', 'deadline'], changes: [], liveness: 'restored' as const }];
    const conflicts = [{ table: 'tasks' as const, id: '150627-task-1', field: 'title', values: [] }, { table: 'tasks' as const, id: '150627-task-2', field: 'owner', values: [] }];
    expect(importedChanges(preview({ added: [{ table: 'tasks', id: '150627-task-3', deleted: false }], changed, conflicts }))).toEqual([
      { table: 'tasks', id: '150627-task-3', fields: ['*'] },
      { table: 'tasks', id: '150627-task-1', fields: ['title', 'deadline', '*'] },
      { table: 'tasks', id: '150627-task-2', fields: ['owner'] },
    ]);
  });
});
