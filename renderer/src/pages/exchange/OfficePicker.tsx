import { Select } from 'antd';
import type { RegistrationOffice } from '../../../../shared/app/trust/key-registration';

const optionOf = (o: RegistrationOffice) => ({
  value: o.code,
  label: `${o.name}（${o.code}）${o.registered ? ` · 已登记 ${o.registered} 把` : ''}`,
  search: `${o.name} ${o.code}`.toLowerCase(),
});

/** The office a key is registered for: searchable by name or code; offices without a key come first. */
export function OfficePicker(props: { offices: readonly RegistrationOffice[]; value?: string; onChange?: (v: string) => void; disabled?: boolean }) {
  const missing = props.offices.filter((o) => !o.own && o.registered === 0);
  const registered = props.offices.filter((o) => !o.own && o.registered > 0);
  const own = props.offices.filter((o) => o.own);
  const groups: { label: string; options: ReturnType<typeof optionOf>[] }[] = [
    { label: `尚未登记密钥（${missing.length}）`, options: missing.map(optionOf) },
    { label: '已登记过密钥', options: registered.map(optionOf) },
    { label: '本单位的其他电脑', options: own.map(optionOf) },
  ].filter((g) => g.options.length > 0);
  return (
    <Select
      showSearch
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      placeholder="输入旗区名称或代码查找"
      options={groups}
      filterOption={(input, option) => !!option && 'search' in option && String(option.search).includes(input.trim().toLowerCase())}
      listHeight={320}
      notFoundContent="没有这个单位"
      data-testid="trust-office"
    />
  );
}
