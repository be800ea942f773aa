/**
 * The record schemas (task, project, progress, deadline) bound their texts with these, and the form
 * checks (validation.ts, above the records) count against the same numbers; kept apart from the
 * checks so a schema never imports them (that was an import cycle through parse-deadline).
 *
 * Longest texts, in characters (a clerk sees a counter on each of these fields).
 */
export const TEXT_LIMITS = {
  /** Task title, project name, indicator name. */
  title: 200,
  /** Numbers, units, short labels (领域名称, 序号, 单位). */
  short: 50,
  /** Who reported, names of people and departments. */
  name: 100,
  /** 本月进展, 存在问题, 下步计划, 内容简介, 建设内容, 效益分析. */
  long: 2000,
  /** 完成依据, 备注, 任务分工, 时间安排 text. */
  medium: 1000,
  /** 完成时限 as written. */
  deadline: 500,
} as const;
