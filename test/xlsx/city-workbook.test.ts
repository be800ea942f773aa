import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportCityWorkbook } from '../../shared/xlsx/city';
import { readWorkbook, writeWorkbook, cellText } from '../../shared/xlsx/workbook';
import { bannerSummaries, overseenOffices } from '../../shared/ledger/city-overview';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import type { PlanData } from '../../shared/ledger/plan-data';

/** The city's consolidated workbook: a summary of who reported, then every county office's tables with the office as a column. */
const seed = (file: string): PlanData => ({ ...loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8'))), progress: [], indicatorValues: [] });

describe('the city’s consolidated workbook', () => {
  it('has the summary sheet for every county office and the banner’s tables, written and read back', async () => {
    const city = seed('150600-ordos.json');
    const banner = seed('150627-yijinhuoluo.json');
    const plans = new Map([['150627', banner]]);
    const history = [{ at: '2026-11-04T02:00:00Z', bundleId: 'b', officeCode: '150627', deviceId: 'd', sequence: 1, period: '2026-11', fingerprint: 'f', fileName: 'x.zwb', outcome: 'merged' as const }];
    const summaries = bannerSummaries({ cityCode: '150600', subordinates: overseenOffices('150600', []), plans, history, period: '2026-11', today: '2026-11-24' });
    const wb = await readWorkbook(await writeWorkbook(exportCityWorkbook({ city: city.office, period: '2026-11', today: '2026-11-24', summaries, plans })));
    const names = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const summary = wb.worksheets[0];
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => void texts.push(cellText(c))));
    for (const name of ['东胜区', '达拉特旗', '准格尔旗', '伊金霍洛旗']) expect(texts).toContain(name);
    // the banner's 83 tasks are in the task sheet with the office as a column
    const taskSheet = wb.worksheets.find((w) => w.name.includes('任务')) ?? wb.worksheets[1];
    let bannerRows = 0;
    taskSheet.eachRow((row) => {
      if (cellText(row.getCell(1)) === '伊金霍洛旗' || cellText(row.getCell(2)) === '伊金霍洛旗') bannerRows += 1;
    });
    expect(bannerRows).toBeGreaterThanOrEqual(83);
  });
});
