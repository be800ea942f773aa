import { useMemo, useState } from 'react';
import { Radio, Select, Space, Typography } from 'antd';
import { SEEDED_PLANS } from '../../../../seeds';
import { divisionOf } from '../../../../shared/domain/divisions';
import { searchDivisions } from '../../../../shared/domain/division-search';

/** Any city- or county-level office: typed by name, pinyin initials or code; offices with a shipped plan one click away. */
export function OfficePicker({ code, onChange }: { code: string; onChange: (code: string) => void }) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchDivisions(query, 40), [query]);
  const chosen = divisionOf(code);
  // What was typed comes first: Enter takes the best match, never the office chosen before the
  // search (which stays in the list, last, so the box can still name it).
  const options = [...found, ...(chosen && !found.some((d) => d.code === code) ? [chosen] : [])].map((d) => ({
    value: d.code,
    label: `${d.name}（${d.level === 'city' ? '市级' : '旗区县级'}，${d.fullName}，${d.code}）`,
  }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        showSearch
        value={code || undefined}
        placeholder="输入单位名称、拼音首字母或区划代码，如 准格尔 / zgeq / 150622"
        filterOption={false}
        onSearch={setQuery}
        onChange={(v: string) => onChange(v)}
        options={options}
        notFoundContent={query ? '没有找到，请换个写法或输入6位区划代码' : '请输入以搜索全国各市、旗区县'}
        style={{ width: '100%' }}
        aria-label="搜索本单位"
        data-testid="office-search"
      />
      <Typography.Text type="secondary">已预置实施方案的单位：</Typography.Text>
      <Radio.Group value={SEEDED_PLANS.some((p) => p.code === code) ? code : undefined} onChange={(e) => onChange(e.target.value as string)}>
        <Space direction="vertical">
          {SEEDED_PLANS.map((p) => (
            <Radio key={p.code} value={p.code} data-testid={`office-${p.code}`}>
              {p.name}无废办 <Typography.Text type="secondary">（{p.level === 'city' ? '市级' : `旗区级，隶属${p.parentName}`}，区划代码 {p.code}）</Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Space>
  );
}
