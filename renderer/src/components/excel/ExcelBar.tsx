import { useState } from 'react';
import { App as AntApp, Button, Dropdown } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { PlanData } from '../../../../shared/views/plan-data';
import { chinaToday } from '../../../../shared/domain/time';
import type { BuildChoices, PlanImportPreview } from '../../../../shared/xlsx/plan-import';
import type { Workbook } from '../../../../shared/xlsx/workbook';
import { loadXlsx } from './xlsx';
import { useAppState } from '../../app/store';
import { useCommit } from '../../app/use-commit';
import { useBusy } from '../../app/use-busy';
import { messageOf, openWorkbook, saveWorkbook } from './files';
import { PlanImportDrawer } from './PlanImportDrawer';

type Table = 'tasks' | 'projects' | 'indicators';
const NAMES: Record<Table, string> = { tasks: '任务清单', projects: '项目清单', indicators: '指标体系' };

/** Toolbar buttons: export the official tables to Excel, and import rows from an Excel plan. */
export function ExcelBar({ plan, table }: { plan: PlanData; table: Table }) {
  const { message } = AntApp.useApp();
  const period = useAppState((s) => s.period);
  const commit = useCommit();
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [workbook, setWorkbook] = useState<Workbook | null>(null);
  const { busy, run } = useBusy();

  const exportTables = async (which: Table[] | 'all', withStatus: boolean) => {
    const tables = which === 'all' ? (['tasks', 'projects', 'indicators'] as Table[]) : which;
    const hide = message.loading('正在生成 Excel…', 0);
    try {
      const wb = (await loadXlsx()).exportPlanTables(plan, { today: chinaToday(), tables, ...(withStatus ? { withStatus: period } : {}) });
      const name = `${plan.office.name}_${which === 'all' ? '实施方案三张表' : NAMES[tables[0]]}${withStatus ? `_${period}进展` : ''}.xlsx`;
      const saved = await saveWorkbook(wb, name);
      if (saved) message.success(`已导出：${saved}`);
    } catch (e) {
      message.error(`导出失败：${messageOf(e)}`);
    } finally {
      hide();
    }
  };

  const pick = async () => {
    try {
      const file = await openWorkbook();
      if (!file) return;
      setWorkbook(file.workbook);
      setPreview((await loadXlsx()).previewPlanImport(file.workbook, { fileName: file.name, officeCode: plan.office.code, existing: plan }));
    } catch (e) {
      message.error({ content: `无法导入：${messageOf(e)}`, duration: 10 });
    }
  };

  const confirm = (choices: BuildChoices) =>
    run(async () => {
      if (!preview) return;
      const { buildPlanImport, planImportChange } = await loadXlsx();
      const built = buildPlanImport(preview, { fileName: preview.fileName, officeCode: plan.office.code, existing: plan }, choices);
      if (built.failed.length) message.warning(`${built.failed.length} 行无法保存，已跳过`);
      if (await commit(planImportChange(built, preview.fileName), `已导入 ${built.tasks.length} 项任务、${built.projects.length} 个项目、${built.indicators.length} 项指标`)) setPreview(null);
    });

  return (
    <>
      <Dropdown.Button
        icon={<DownloadOutlined />}
        onClick={() => exportTables([table], false)}
        data-testid={`export-${table}-xlsx`}
        menu={{
          items: [
            { key: 'status', label: `${NAMES[table]}（含本期状态与进展）` },
            { key: 'all', label: '三张表（任务、项目、指标）' },
            { key: 'all-status', label: '三张表（含本期状态与进展）' },
          ],
          onClick: ({ key }) => void exportTables(key.startsWith('all') ? 'all' : [table], key.endsWith('status')),
        }}
      >
        导出 Excel
      </Dropdown.Button>
      <Button icon={<UploadOutlined />} onClick={pick} data-testid={`import-${table}-xlsx`}>
        从 Excel 导入
      </Button>
      <PlanImportDrawer preview={preview} departments={plan.departments} busy={busy} onClose={() => setPreview(null)} onConfirm={confirm}
        onColumns={async (columns) => workbook && preview && setPreview((await loadXlsx()).previewPlanImport(workbook, { fileName: preview.fileName, officeCode: plan.office.code, existing: plan, columns }))} />
    </>
  );
}
