/** What a clerk calls the records of each stored table, for messages and previews. */
export const TABLE_LABELS = {
  offices: '无废办',
  departments: '单位',
  leaders: '领导',
  tasks: '任务',
  projects: '项目',
  indicators: '指标',
  progress: '进展',
  indicatorValues: '指标值',
  problems: '问题',
} as const satisfies Record<string, string>;
