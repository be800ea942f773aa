import { memo, useMemo } from 'react';
import { Checkbox, Select, Space } from 'antd';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { TaskFilter } from '../../../../shared/views/task-query';
import { TASK_DOMAIN_LABELS, type TaskDomain } from '../../../../shared/domain/task';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../../shared/domain/task-status';
import type { Period } from '../../../../shared/domain/ids';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { TASK_STATUSES } from '../../../../shared/views/aggregations';
import type { FilterValue } from '../../app/page-view-state';
import { TaskSearch } from './TaskSearch';

interface Props {
  plan: PlanData;
  filter: Omit<TaskFilter, 'text' | 'missingPeriod'>;
  missingOnly: boolean;
  period: Period;
  setFilter: (name: string, value: FilterValue | undefined | null) => void;
  /** The search the page view kept when the page opened: where the search box starts. */
  initialText: string;
  onSearch: (text: string) => void;
}

/**
 * 任务清单's search box and filters: 领域, 单位 and its role, 责任领导, 状态, 时限年份, 未报送.
 * Memoised, and given only what a keystroke does not change: typing re-renders the search box alone here.
 */
export const TaskFilters = memo(function TaskFilters({ plan, filter, missingOnly, period, setFilter, initialText, onSearch }: Props) {
  const years = useMemo(() => [...new Set(plan.tasks.flatMap((t) => t.deadline.points.map((p) => Number(p.date.slice(0, 4)))))].sort(), [plan.tasks]);
  const domains = useMemo(() => [...new Set(plan.tasks.map((t) => t.domain))], [plan.tasks]);
  return (
    <Space wrap>
      <TaskSearch text={initialText} onSearch={onSearch} />
      <Select
        mode="multiple"
        allowClear
        placeholder="领域"
        style={{ minWidth: 140 }}
        aria-label="按领域筛选"
        value={filter.domains ?? []}
        onChange={(v: TaskDomain[]) => setFilter('domains', v)}
        options={domains.map((d) => ({ value: d, label: TASK_DOMAIN_LABELS[d] }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="单位"
        style={{ width: 200 }}
        aria-label="按单位筛选"
        value={filter.departmentId}
        onChange={(v?: string) => setFilter('departmentId', v)}
        options={plan.departments.map((d) => ({ value: d.id, label: d.name }))}
      />
      <Select
        style={{ width: 124 }}
        aria-label="单位角色"
        value={filter.departmentRole ?? 'any'}
        onChange={(v: 'lead' | 'participant' | 'any') => setFilter('departmentRole', v)}
        options={[
          { value: 'any', label: '牵头或参与' },
          { value: 'lead', label: '作为牵头' },
          { value: 'participant', label: '作为参与' },
        ]}
      />
      {plan.leaders.length > 0 && (
        <Select
          allowClear
          placeholder="责任领导"
          style={{ width: 120 }}
          aria-label="按责任领导筛选"
          value={filter.leaderId}
          onChange={(v?: string) => setFilter('leaderId', v)}
          options={plan.leaders.map((l) => ({ value: l.id, label: l.name }))}
        />
      )}
      <Select
        mode="multiple"
        allowClear
        placeholder="状态"
        style={{ minWidth: 120 }}
        aria-label="按状态筛选"
        value={filter.statuses ?? []}
        onChange={(v: TaskStatus[]) => setFilter('statuses', v)}
        options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
      />
      <Select
        allowClear
        placeholder="时限年份"
        style={{ width: 120 }}
        aria-label="按时限年份筛选"
        value={filter.deadlineYear}
        onChange={(v?: number | 'open') => setFilter('deadlineYear', v)}
        options={[...years.map((y) => ({ value: y, label: `${y}年` })), { value: 'open', label: '持续性' }]}
      />
      <Checkbox checked={missingOnly} onChange={(e) => setFilter('missingOnly', e.target.checked)} data-testid="missing-only">
        {formatPeriodZh(period)}未报送
      </Checkbox>
    </Space>
  );
});
