/** Chinese names of record fields, for the audit trail and error messages. */
export const FIELD_LABELS: Record<string, string> = {
  '*': '整条记录',
  domain: '领域',
  domainLabel: '领域名称',
  number: '序号',
  title: '任务名称',
  summary: '内容简介',
  leads: '牵头单位',
  participants: '参与/配合单位',
  leaderIds: '责任领导',
  deadline: '完成时限',
  milestones: '时间安排',
  completion: '完成情况',
  name: '名称',
  content: '建设内容',
  constructionUnitIds: '建设单位',
  responsibleUnitIds: '责任单位',
  plannedInvestment: '计划总投资',
  investmentText: '投资说明',
  period: '建设周期',
  area: '实施区域',
  benefit: '效益分析',
  constructionStatus: '建设状态',
  level1: '一级指标',
  level2: '二级指标',
  marker: '指标类别',
  unit: '单位',
  direction: '指标方向',
  baseline: '现状值',
  targets: '目标值',
  cumulative: '累计值',
  responsibleDepartmentIds: '责任单位',
  note: '备注',
  aliases: '别名',
  kind: '类型',
  departmentIds: '分管单位',
};

/** Where one field name means something else in another table (a leader's title is a 职务, not a task's name). */
const TABLE_FIELD_LABELS: Record<string, Record<string, string>> = {
  offices: { name: '单位名称', plans: '方案期' },
  leaders: { title: '职务', name: '姓名' },
  departments: { name: '单位名称' },
  indicators: { name: '指标名称', unit: '计量单位' },
  progress: {
    period: '月份',
    percent: '完成进度',
    status: '状态',
    thisMonth: '本月进展',
    problems: '存在问题',
    nextSteps: '下步计划',
    investmentToDate: '累计完成投资',
    investmentThisYear: '本年完成投资',
    reportedBy: '填报单位/人',
  },
  indicatorValues: { year: '年度', month: '月份', value: '实际值', judgement: '人工判定', note: '说明', enteredBy: '填报人' },
};

/** The Chinese name of a field; knowing the table sharpens it. */
export function fieldLabel(field: string, table?: string): string {
  return (table !== undefined ? TABLE_FIELD_LABELS[table]?.[field] : undefined) ?? FIELD_LABELS[field] ?? field;
}
