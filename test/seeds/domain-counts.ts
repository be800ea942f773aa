import type { Task } from '../../shared/domain/task';

/** Checks a plan's tasks per domain heading: how many, which domain, numbered 1…n in order. */
export function expectDomainCounts(tasks: readonly Task[], expected: readonly [label: string, domain: string, count: number][]): void {
  expect(tasks).toHaveLength(expected.reduce((n, [, , c]) => n + c, 0));
  for (const [label, domain, count] of expected) {
    const inDomain = tasks.filter((t) => t.domainLabel === label);
    expect(inDomain).toHaveLength(count);
    expect(inDomain.every((t) => t.domain === domain)).toBe(true);
    expect(inDomain.map((t) => t.number)).toEqual(Array.from({ length: count }, (_, k) => String(k + 1)));
  }
}
