import { Select } from 'antd';
import type { Department } from '../../../shared/domain/department';

/** Multi-select of the office's departments, searchable by name and alias. */
export function DepartmentSelect(props: { departments: readonly Department[]; value?: string[]; onChange?: (ids: string[]) => void; ariaLabel: string }) {
  return (
    <Select
      mode="multiple"
      allowClear
      value={props.value}
      onChange={props.onChange}
      aria-label={props.ariaLabel}
      optionFilterProp="search"
      options={props.departments.map((d) => ({ value: d.id, label: d.name, search: [d.name, ...d.aliases].join(' ') }))}
      style={{ width: '100%' }}
    />
  );
}
