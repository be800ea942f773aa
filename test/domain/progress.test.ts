import { reportedStatusFor } from '../../shared/domain/progress';

describe('the status a report is saved with', () => {
  it('is never changed by the percentage: 100 % does not silently complete anything', () => {
    for (const chosen of ['not-started', 'in-progress', 'done', 'stalled'] as const) expect(reportedStatusFor(100, chosen)).toBe(chosen);
  });
  it('is the chosen status below 100 %', () => {
    expect(reportedStatusFor(99, 'in-progress')).toBe('in-progress');
    expect(reportedStatusFor(0, 'not-started')).toBe('not-started');
    expect(reportedStatusFor(40, 'stalled')).toBe('stalled');
    // Choosing done below 100 % is kept as the clerk said.
    expect(reportedStatusFor(80, 'done')).toBe('done');
  });
});
