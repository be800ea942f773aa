/** The 任务 editor's rows through the core's taskEditChange: domain, lead and helping units with their duties. */
import { planYearWindow, taskEditChange } from '../../shared/views/record-edits';
import { seedPlan } from '../xlsx/helpers';

const plan = seedPlan('150627-yijinhuoluo');
const task = plan.tasks.find((t) => t.participants.length > 0 && t.leads.length > 0)!;
const years = planYearWindow(plan, 2026);
const [lead] = task.leads;
const helper = task.participants[0];

describe('taskEditChange with the editor’s rows', () => {
  it('sets the domain and replaces leads and helpers with the duties typed, a blank duty removing the old one', () => {
    const change = taskEditChange(
      task,
      {
        domain: 'hazardous',
        leads: [{ departmentId: lead.departmentId, duty: '  统筹推进  ' }],
        participants: [{ departmentId: helper.departmentId, role: '配合', duty: '' }, { departmentId: lead.departmentId, role: '参与', duty: 'x' }],
      },
      years,
    );
    const patch = change.edits?.[0]?.patch as Record<string, unknown>;
    expect(patch.domain).toBe('hazardous');
    expect(patch.leads).toEqual([{ departmentId: lead.departmentId, duty: '统筹推进' }]);
    // A lead is never also listed as helping; the blank duty leaves the helper without one.
    expect(patch.participants).toEqual([{ departmentId: helper.departmentId, role: '配合' }]);
    expect(change.label).toBe(`修改任务 ${task.domainLabel} ${task.number}`);
  });

  it('keeps a helper’s duty when the row gives none (zwc task edit --participants)', () => {
    const withDuty = { ...task, participants: [{ ...helper, duty: '提供数据' }] };
    const change = taskEditChange(withDuty, { participants: [{ departmentId: helper.departmentId, role: '责任' }] }, years);
    expect((change.edits?.[0]?.patch as Record<string, unknown>).participants).toEqual([{ departmentId: helper.departmentId, role: '责任', duty: '提供数据' }]);
  });
});
