import { nextTaskNumbering } from '../../shared/views/task-numbering';

describe('numbering a task added by hand', () => {
  it('starts at 1 (order 0) in an empty plan', () => {
    expect(nextTaskNumbering([])).toEqual({ number: '1', order: 0 });
  });
  it('numbers one past the count of tasks and orders after the last', () => {
    expect(nextTaskNumbering([{ order: 0 }, { order: 1 }, { order: 2 }])).toEqual({ number: '4', order: 3 });
  });
  it('orders after the highest order even when orders have gaps or are unsorted', () => {
    expect(nextTaskNumbering([{ order: 7 }, { order: 2 }])).toEqual({ number: '3', order: 8 });
  });
  it('does not avoid a number still in use after a deletion (unchanged behaviour: the clerk edits it)', () => {
    // Tasks numbered 1 and 3 remain after deleting 2: the next is numbered 3 again.
    expect(nextTaskNumbering([{ order: 0 }, { order: 2 }]).number).toBe('3');
  });
});
