import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Segmented, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { Period } from '../../../../shared/domain/ids';
import { chinaToday, formatPeriodZh } from '../../../../shared/domain/time';
import { answeredProblemRows, departmentsWithForms, formFileName, type FormScope } from '../../../../shared/xlsx/form-items';
import { loadXlsx } from './xlsx';
import { useWorkspace } from '../../app/store';
import { useCommit } from '../../app/use-commit';
import { droppedFiles, messageOf, openForms, readDropped, saveBytes, saveWorkbook } from './files';
import { useFormImport } from './use-form-import';
import { useFileDrop } from './use-file-drop';
import { FormImportDrawer } from './FormImportDrawer';
import { DropHint } from './DropHint';

const ALL = '__all__';

/**
 * The monthly Excel cycle: send each department its fill-in form (one, or all in a zip), import
 * the returned forms (several files, a folder, or files dropped on the page) with a preview of each
 * file before recording.
 */
export function DepartmentFormsBar({ plan, period }: { plan: PlanData; period: Period }) {
  const { message } = AntApp.useApp();
  const workspace = useWorkspace();
  const commit = useCommit();
  // Lead units by default; with participants, their rows are their own 配合情况 (never the task's figure).
  const [scope, setScope] = useState<FormScope>('lead');
  const departments = useMemo(() => departmentsWithForms(plan, period, scope), [plan, period, scope]);
  const [department, setDepartment] = useState<string>(ALL);
  const imports = useFormImport(plan, period, workspace);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    const hide = message.loading('正在生成填报表…', 0);
    try {
      // Each form and row sealed with the office's secret, so an edited hidden id is refused on import.
      // Each department's open problems go with its form as 问题整改 rows (处理进展, 是否解决).
      const issue = { scope, formSecret: await workspace.formSecret(), problemRows: await workspace.problems.formRowsByDepartment(plan.office.code) };
      if (department === ALL) {
        const all = await (await loadXlsx()).buildAllForms(plan, period, chinaToday(), issue);
        const saved = await saveBytes(all.bytes, `${plan.office.name}_${formatPeriodZh(period)}进展填报表（${all.files.length}个单位）.zip`, [{ name: 'ZIP 压缩包', extensions: ['zip'] }]);
        if (saved) message.success(`已生成 ${all.files.length} 个单位的填报表：${saved}`);
      } else {
        const saved = await saveWorkbook(await (await loadXlsx()).buildDepartmentForm(plan, department, period, chinaToday(), issue), formFileName(plan, department, period));
        if (saved) message.success(`已生成：${saved}`);
      }
    } catch (e) {
      message.error(`生成失败：${messageOf(e)}`);
    } finally {
      hide();
    }
  };

  const drop = async (entries: (FileSystemEntry | null)[], loose: File[]) => {
    try {
      await imports.add(await readDropped(await droppedFiles(entries, loose)));
    } catch (e) {
      imports.refuseAll('拖入的文件', messageOf(e));
    }
  };
  const dragging = useFileDrop((entries, loose) => void drop(entries, loose));

  const choose = async (directory: boolean) => {
    try {
      const entries = await openForms(directory);
      if (entries === null) return;
      if (entries.length === 0) imports.refuseAll('所选文件夹', '文件夹中没有表格文件（.xlsx、.xls、.et、.ods、.csv）。');
      else await imports.add(entries);
    } catch (e) {
      imports.refuseAll(directory ? '所选文件夹' : '所选文件', messageOf(e));
    }
  };

  const confirm = async () => {
    setBusy(true);
    const { previews } = imports;
    const change = (await loadXlsx()).formImportChange(previews, await workspace.problems.all(plan.office.code));
    const n = change.appends?.length ?? 0;
    const answered = answeredProblemRows(previews);
    if (await commit(change, `已记录 ${n} 条进展${answered ? `、${answered} 条问题处理进展` : ''}（${previews.map((p) => p.departmentName).join('、')}）`)) imports.clear();
    setBusy(false);
  };

  return (
    <Card size="small" title="Excel 填报表（发给各单位填写，收回后导入）" style={dragging ? { outline: '2px dashed #1677ff', outlineOffset: 2 } : undefined}>
      <Space wrap>
        <Segmented<FormScope>
          aria-label="发给"
          value={scope}
          onChange={(v) => {
            setScope(v);
            setDepartment(ALL);
          }}
          options={[
            { value: 'lead', label: '仅牵头单位' },
            { value: 'all', label: '牵头和配合单位' },
          ]}
        />
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
        <Button icon={<UploadOutlined />} onClick={() => void choose(false)} data-testid="import-forms">
          导入填回的填报表
        </Button>
        <Button icon={<FolderOpenOutlined />} onClick={() => void choose(true)} data-testid="import-forms-folder">
          导入整个文件夹
        </Button>
        <Typography.Text type="secondary">可一次选多个文件，也可把文件或文件夹拖到本页</Typography.Text>
      </Space>
      <FormImportDrawer
        title={`导入填报表预览（${formatPeriodZh(period)}）`}
        outcomes={imports.outcomes}
        progress={imports.progress}
        busy={busy}
        onAddFiles={() => void choose(false)}
        onAddFolder={() => void choose(true)}
        onConfirm={() => void confirm()}
        onClose={imports.clear}
      />
      <DropHint visible={dragging} />
    </Card>
  );
}
