import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateZh } from '../../../../shared/domain/time';
import { FORM_ROLE_LABELS } from '../../../../shared/xlsx/form-items';
import type { FormPreview, FormRow } from '../../../../shared/xlsx/dept-form';

/**
 * The import preview's columns about the reporting rule and the field rules (issue 20): whose
 * report a row is (牵头报送 / 配合情况, decided from the task now), a claim of completion, a
 * project's investments, and the warnings of a row that will be recorded (over-plan investment …).
 */
export function formRowColumns(preview: FormPreview): ColumnsType<FormRow> {
  const shown = preview.rows.filter((r) => r.status !== 'empty');
  const projects = shown.some((r) => r.kind === 'project');
  const claims = shown.some((r) => r.entry?.completionClaim);
  const warnings = shown.some((r) => r.entry && r.problems.some((x) => x.level === 'warning'));
  return [
    { title: '身份', width: 80, render: (_, r) => (r.role ? <Tag color={r.role === 'lead' ? 'blue' : 'default'}>{FORM_ROLE_LABELS[r.role]}</Tag> : '') },
    ...(claims
      ? ([
          {
            title: '报告完成',
            width: 140,
            render: (_, r) => (r.entry?.completionClaim ? <span data-testid="form-row-claim">{`${formatDateZh(r.entry.completionClaim.date)}（${r.entry.completionClaim.evidence}）`}</span> : ''),
          },
        ] satisfies ColumnsType<FormRow>)
      : []),
    ...(projects
      ? ([
          { title: '累计完成投资（万元）', width: 90, render: (_, r) => r.entry?.investmentToDate ?? '' },
          { title: '本年完成投资（万元）', width: 90, render: (_, r) => r.entry?.investmentThisYear ?? '' },
        ] satisfies ColumnsType<FormRow>)
      : []),
    ...(warnings ? [warningColumn] : []),
  ];
}

const warningColumn: ColumnsType<FormRow>[number] = {
  title: '提示',
  width: 200,
  render: (_, r) =>
    r.entry
      ? r.problems
          .filter((x) => x.level === 'warning')
          .map((x) => (
            <Typography.Text key={x.message} type="warning" data-testid="form-row-warning">
              {x.message}
            </Typography.Text>
          ))
      : '',
};
