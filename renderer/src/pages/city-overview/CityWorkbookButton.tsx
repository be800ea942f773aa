import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { CityExportInput } from '../../../../shared/xlsx/city';
import { loadXlsx } from '../../components/excel/xlsx';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { saveWorkbook } from '../../components/excel/files';
import { messageOf } from '../../app/error-text';

/** The city's consolidated workbook for the report upward: who reported, and every county office's tables. */
export function CityWorkbookButton(props: CityExportInput) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const name = `${props.city.name}各旗区汇总-${formatPeriodZh(props.period)}.xlsx`;
      const saved = await saveWorkbook((await loadXlsx()).exportCityWorkbook(props), name);
      if (saved) message.success(`已导出 ${saved}`);
    } catch (e) {
      message.error(`导出失败：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} onClick={save} loading={busy} data-testid="city-workbook">
      导出全市汇总 Excel
    </Button>
  );
}
