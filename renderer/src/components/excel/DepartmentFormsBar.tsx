import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { PlanData } from '../../../../shared/ledger/plan-data';
import type { Period } from '../../../../shared/domain/ids';
import { chinaToday, formatPeriodZh } from '../../../../shared/domain/time';
import { REPORTED_STATUS_LABELS } from '../../../../shared/domain/progress';
import { describeProblem } from '../../../../shared/xlsx/errors';
import type { FormPreview, FormRow } from '../../../../shared/xlsx/dept-form';
import { departmentsWithForms, formFileName } from '../../../../shared/xlsx/form-items';
import { loadXlsx } from './xlsx';
import { useWorkspace } from '../../app/store';
import { useCommit } from '../../app/use-commit';
import { messageOf, openWorkbook, saveBytes, saveWorkbook } from './files';

const ALL = '__all__';
const STATUS = { new: <Tag color="green">新进展</Tag>, unchanged: <Tag>已导入过</Tag>, empty: <Tag color="default">未填写</Tag>, error: <Tag color="red">不导入</Tag> } as const;

/**
 * The monthly Excel cycle: send each department its fill-in form (one, or all in a zip), import
 * the returned forms (one or several, one after the other) with a preview before recording.
 */
export function DepartmentFormsBar({ plan, period }: { plan: PlanData; period: Period }) {
  const { message } = AntApp.useApp();
  const { deviceId } = useWorkspace();
  const commit = useCommit();
  const departments = useMemo(() => departmentsWithForms(plan, period), [plan, period]);
  const [department, setDepartment] = useState<string>(ALL);
  const [previews, setPreviews] = useState<FormPreview[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    const hide = message.loading('正在生成填报表…', 0);
    try {
      if (department === ALL) {
        const all = await (await loadXlsx()).buildAllForms(plan, period, chinaToday());
        const saved = await saveBytes(all.bytes, `${plan.office.name}_${formatPeriodZh(period)}进展填报表（${all.files.length}个单位）.zip`, [{ name: 'ZIP 压缩包', extensions: ['zip'] }]);
        if (saved) message.success(`已生成 ${all.files.length} 个单位的填报表：${saved}`);
      } else {
        const saved = await saveWorkbook(await (await loadXlsx()).buildDepartmentForm(plan, department, period, chinaToday()), formFileName(plan, department, period));
        if (saved) message.success(`已生成：${saved}`);
      }
    } catch (e) {
      message.error(`生成失败：${messageOf(e)}`);
    } finally {
      hide();
    }
  };

  const importOne = async () => {
    try {
      const file = await openWorkbook();
      if (!file) return;
      const preview = (await loadXlsx()).previewDepartmentForm(file.workbook, { fileName: file.name, plan, period, deviceId, now: new Date() });
      setPreviews((list) => [...list.filter((p) => p.fileName !== file.name), preview]);
    } catch (e) {
      setRefusals((list) => [...list, messageOf(e)]);
    }
  };

  const close = () => {
    setPreviews([]);
    setRefusals([]);
  };

  const confirm = async () => {
    setBusy(true);
    const change = (await loadXlsx()).formImportChange(previews);
    const n = change.appends?.length ?? 0;
    if (await commit(change, `已记录 ${n} 条进展（${previews.map((p) => p.departmentName).join('、')}）`)) close();
    setBusy(false);
  };

  const total = previews.reduce((s, p) => s + p.counts.new, 0);
  const open = previews.length > 0 || refusals.length > 0;
  return (
    <Card size="small" title="Excel 填报表（发给各单位填写，收回后导入）">
      <Space wrap>
        <Select
          style={{ width: 280 }}
          value={department}
          onChange={setDepartment}
          aria-label="选择单位"
          data-testid="form-department"
          showSearch
          optionFilterProp="label"
          options={[{ value: ALL, label: `全部 ${departments.length} 个单位（打包为 zip）` }, ...departments.map((d) => ({ value: d.departmentId, label: `${d.name}（${d.items} 项）` }))]}
        />
        <Button icon={<FileExcelOutlined />} onClick={generate} data-testid="generate-forms">
          生成{formatPeriodZh(period)}填报表
        </Button>
        <Button icon={<UploadOutlined />} onClick={importOne} data-testid="import-forms">
          导入填回的填报表
        </Button>
      </Space>
      <Drawer open={open} width={1100} onClose={close} title={`导入填报表预览（${formatPeriodZh(period)}）`} data-testid="form-import-preview" destroyOnClose
        extra={
          <Space>
            <Button onClick={importOne}>再选一个文件</Button>
            <Button type="primary" disabled={total === 0 && !previews.some((p) => p.rows.some((r) => r.status === 'new'))} loading={busy} onClick={confirm} data-testid="confirm-form-import">
              确认导入 {total} 条进展
            </Button>
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {refusals.map((r, i) => (
            <Alert key={i} type="error" showIcon message="已拒绝" description={r} />
          ))}
          {previews.map((p) => (
            <div key={p.fileName}>
              <Alert
                type={p.counts.error ? 'warning' : 'info'}
                showIcon
                data-testid="form-import-summary"
                message={`${p.fileName}：${p.departmentName}，新进展 ${p.counts.new} 条，已导入过 ${p.counts.unchanged} 条，未填写 ${p.counts.empty} 行，不导入 ${p.counts.error} 行。确认前不会写入。`}
                description={p.problems.map(describeProblem).join('；') || undefined}
              />
              <Table<FormRow>
                size="small"
                rowKey="row"
                pagination={false}
                dataSource={p.rows.filter((r) => r.status !== 'empty')}
                columns={[
                  { title: '行', dataIndex: 'row', width: 50 },
                  { title: '任务/项目', dataIndex: 'label', width: 300 },
                  { title: '结果', width: 90, render: (_, r) => STATUS[r.status] },
                  { title: '完成', width: 60, render: (_, r) => (r.entry ? `${r.entry.percent}%` : '') },
                  { title: '状态', width: 70, render: (_, r) => (r.entry ? REPORTED_STATUS_LABELS[r.entry.status] : '') },
                  { title: '本月进展 / 问题', render: (_, r) => (r.entry ? r.entry.thisMonth : r.problems.map((x) => `${x.column ? `${x.column}：` : ''}${x.message}`).join('；')) },
                ]}
              />
            </div>
          ))}
          {previews.length > 0 && <Typography.Text type="secondary">可继续“再选一个文件”，一次确认导入多个单位的填报表。</Typography.Text>}
        </Space>
      </Drawer>
    </Card>
  );
}
