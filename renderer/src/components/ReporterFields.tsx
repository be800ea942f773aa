import { Col, Form, Input, Row, Select } from 'antd';
import type { ReportUnits } from '../../../shared/domain/reporting-rule';
import { checkText, TEXT_LIMITS } from '../../../shared/domain/validation';
import { coreRule, counter } from './field-rules';
import { usePlan } from '../app/store';

/** The office's own record, for a unit that did not send one (counts for every lead unit, RULES.md). */
export const OFFICE_UNIT = '';

/** The units a clerk can record a report for: lead units first, then participants (配合情况), then the office. */
function reporterOptions(units: ReportUnits, name: (id: string) => string): { value: string; label: string }[] {
  const leads = units.counting.map((id) => ({ value: id, label: `${name(id)}（${units.owing.includes(id) ? '牵头' : '建设单位'}）` }));
  const helpers = units.participants.map((id) => ({ value: id, label: `${name(id)}（配合情况，不计入任务进度）` }));
  return [...leads, ...helpers, { value: OFFICE_UNIT, label: '无废办代报（计为各牵头单位已报）' }];
}

/** 填报单位 (whose report this is, which decides what it counts for) and 填报人. */
export function ReporterFields({ units }: { units: ReportUnits }) {
  const { departments } = usePlan();
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const options = reporterOptions(units, (id) => names.get(id) ?? id);
  return (
    <Row gutter={12}>
      <Col span={14}>
        <Form.Item name="departmentId" label="填报单位" tooltip="牵头单位的报告计入任务进度和该单位已报；配合单位的报告是它自己的配合情况">
          <Select aria-label="填报单位" options={options} showSearch optionFilterProp="label" />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="reportedBy" label="填报人" rules={[coreRule((v?: string) => checkText(v, '填报人', TEXT_LIMITS.name))]}>
          <Input aria-label="填报人" count={counter(TEXT_LIMITS.name)} />
        </Form.Item>
      </Col>
    </Row>
  );
}
