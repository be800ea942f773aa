import type { Task } from '../domain/task';

/**
 * Where a task added by hand goes: its displayed number is one more than the number of tasks the
 * plan has (so the 84th task is "84"), and it sorts after every existing task (order = highest + 1,
 * 0 for an empty plan). Numbers are not checked for uniqueness: after a deletion the new number may
 * repeat an existing one, and the clerk can change it.
 */
export function nextTaskNumbering(tasks: readonly Pick<Task, 'order'>[]): { number: string; order: number } {
  return {
    number: String(tasks.length + 1),
    order: tasks.reduce((m, t) => Math.max(m, t.order), -1) + 1,
  };
}
