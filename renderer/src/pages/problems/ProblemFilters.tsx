import { Input, Select, Space } from 'antd';
import type { Department } from '../../../../shared/domain/department';
import { PROBLEM_KIND_LABELS, PROBLEM_STATUS_LABELS, type ProblemKind, type ProblemStatus } from '../../../../shared/domain/problem';

/** 状态 choices: the unclosed ones (the default), each status, or every problem. */
export type StatusChoice = ProblemStatus | 'unclosed' | 'all';

export interface ProblemFilterValues {
  unit?: string;
  status: StatusChoice;
  kind?: ProblemKind;
  subject?: string;
  text: string;
}

const STATUS_OPTIONS: { value: StatusChoice; label: string }[] = [
  { value: 'unclosed', label: '未销号（全部）' },
  ...(['open', 'in-progress', 'overdue', 'closed'] as ProblemStatus[]).map((s) => ({ value: s, label: PROBLEM_STATUS_LABELS[s] })),
  { value: 'all', label: '全部（含已销号）' },
];

interface Props {
  values: ProblemFilterValues;
  departments: readonly Department[];
  /** Tasks and projects that have problems, by id. */
  subjects: { value: string; label: string }[];
  onChange: (name: keyof ProblemFilterValues, value: string | undefined) => void;
}

/** 责任单位, 状态, 类别, 任务/项目 and a search over the text, as on the other lists. */
export function ProblemFilters({ values, departments, subjects, onChange }: Props) {
  return (
    <Space wrap>
      <Select
        aria-label="责任单位"
        placeholder="全部责任单位"
        allowClear
        showSearch
        optionFilterProp="search"
        style={{ width: 190 }}
        value={values.unit}
        onChange={(v?: string) => onChange('unit', v)}
        options={departments.map((d) => ({ value: d.id, label: d.name, search: [d.name, ...d.aliases].join(' ') }))}
      />
      <Select aria-label="状态" style={{ width: 150 }} value={values.status} onChange={(v: StatusChoice) => onChange('status', v)} options={STATUS_OPTIONS} data-testid="problem-status-filter" />
      <Select
        aria-label="类别"
        placeholder="全部类别"
        allowClear
        style={{ width: 110 }}
        value={values.kind}
        onChange={(v?: string) => onChange('kind', v)}
        options={(Object.keys(PROBLEM_KIND_LABELS) as ProblemKind[]).map((k) => ({ value: k, label: PROBLEM_KIND_LABELS[k] }))}
      />
      <Select
        aria-label="任务或项目"
        placeholder="全部任务/项目"
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 240 }}
        value={values.subject}
        onChange={(v?: string) => onChange('subject', v)}
        options={subjects}
      />
      <Input.Search
        aria-label="搜索问题"
        placeholder="搜索问题、单位、进展"
        allowClear
        style={{ width: 220 }}
        value={values.text}
        onChange={(e) => onChange('text', e.target.value)}
      />
    </Space>
  );
}
