import type { Problem } from '../domain/problem';
import { PROBLEM_KIND_LABELS } from '../domain/problem';
import { countyProblemList } from '../views/problems-city';
import { addTableSheet, finishSheet, fitRowHeight, styleBodyRow, HEADER_ROW, type Column } from './layout';
import { setNumber, setText } from './workbook';
import { fit, type SheetContext } from './city-sheets';

/**
 * 问题清单: every county office's problems side by side, as merged at the city — overdue first (most
 * days overdue first), then unclosed by due date, closed last — with each office's 状态 judged on
 * the day of export by the same rules as at the county.
 */
export function problemSheet(x: SheetContext, problems: ReadonlyMap<string, readonly Problem[]>): void {
  const columns: Column[] = [
    fit('序号', 6),
    { header: '旗区', width: 12 },
    { header: '所属任务/项目', width: 30 },
    { header: '问题', width: 40 },
    { header: '责任单位', width: 16 },
    fit('类别', 6),
    fit('提出日期', 11),
    fit('办结时限', 11),
    fit('状态', 8),
    fit('逾期天数', 8),
    { header: '最新处理进展', width: 30 },
  ];
  const views = countyProblemList(
    x.summaries.map((s) => ({ code: s.code, name: s.name })),
    x.plans,
    problems,
    x.today,
    {},
  );
  const open = views.filter((v) => v.status !== 'closed').length;
  const overdue = views.filter((v) => v.status === 'overdue').length;
  const ws = addTableSheet(x.wb, '问题清单', {
    title: `${x.cityName}各旗区“无废城市”建设问题清单`,
    subtitle: `共 ${views.length} 个问题，未销号 ${open} 个，其中已逾期 ${overdue} 个 · 状态按 ${x.date} 计 · 导出日期 ${x.date}`,
    columns,
    officeName: `${x.cityName}无废办`,
    dateText: x.date,
    landscape: true,
  });
  let r = HEADER_ROW + 1;
  views.forEach((v, i) => {
    const values: (string | number | null)[] = [
      i + 1,
      v.officeName,
      v.subjectTitle,
      v.problem.text,
      v.responsibleName,
      PROBLEM_KIND_LABELS[v.problem.kind],
      v.problem.raisedOn,
      v.problem.due,
      v.statusLabel,
      v.status === 'overdue' ? v.daysOverdue : null,
      v.latest ? `${v.latest.text}（${v.latest.date}）` : null,
    ];
    values.forEach((value, c) => (typeof value === 'number' ? setNumber(ws.getCell(r, c + 1), value) : setText(ws.getCell(r, c + 1), value ?? '—')));
    styleBodyRow(ws, r, columns);
    fitRowHeight(ws, r, columns, values.map((value) => (value === null ? '—' : String(value))));
    r++;
  });
  if (!views.length) {
    setText(ws.getCell(r, 1), '各旗区交换文件中没有问题');
    r++;
  }
  finishSheet(ws, columns, r - 1);
}
