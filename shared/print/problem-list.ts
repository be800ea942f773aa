import type { IsoDate } from '../domain/ids';
import { PROBLEM_KIND_LABELS } from '../domain/problem';
import { formatDateZh, formatPeriodZh, periodOf } from '../domain/time';
import type { ProblemView } from '../views/problems';
import { documentFileName, type PrintDocument, type TableCell } from './document';

export interface ProblemListOptions {
  officeName: string;
  day: IsoDate;
  /** The list as shown on screen (filtered and sorted: overdue first). */
  views: readonly ProblemView[];
  /** Says what the selection is, e.g. "筛选：已逾期". */
  note?: string;
}

/** 状态 as printed: 已逾期 with its days, 已销号 with its day. */
function statusText(v: ProblemView): TableCell {
  if (v.status === 'overdue') return { text: v.statusLabel, strong: true, more: [`逾期${v.daysOverdue}天`] };
  if (v.status === 'closed' && v.problem.closing) return { text: v.statusLabel, more: [formatDateZh(v.problem.closing.date)] };
  return { text: v.statusLabel };
}

/** 问题清单 in the official table style: one row a problem, overdue first, as on screen. */
export function problemListDocument(options: ProblemListOptions): PrintDocument {
  const columns = [
    { label: '序号', width: 6 },
    { label: '问题描述', width: 46 },
    { label: '所属任务/项目', width: 30 },
    { label: '反映单位', width: 16 },
    { label: '责任单位', width: 16 },
    { label: '类别', width: 10 },
    { label: '提出日期', width: 19 },
    { label: '办结时限', width: 19 },
    { label: '状态', width: 14 },
    { label: '最新处理进展', width: 30 },
  ];
  const rows: TableCell[][] = options.views.map((v, i) => [
    { text: String(i + 1) },
    { text: v.problem.text, align: 'left' },
    { text: v.subjectTitle, align: 'left' },
    { text: v.raisedByName },
    { text: v.responsibleName },
    { text: PROBLEM_KIND_LABELS[v.problem.kind] },
    { text: v.problem.raisedOn },
    { text: v.problem.due },
    statusText(v),
    { text: v.latest ? `${v.latest.text}（${v.latest.date}${v.latest.resolved ? '，称已解决' : ''}）` : '—', align: 'left' },
  ]);
  const overdue = options.views.filter((v) => v.status === 'overdue').length;
  const title = `${options.officeName}“无废城市”建设问题清单`;
  return {
    kind: 'problem-list',
    title,
    fileName: documentFileName('问题清单', options.officeName, formatPeriodZh(periodOf(options.day))),
    sheets: [
      {
        label: '问题清单',
        orientation: 'landscape',
        footer: 'page-of-total',
        blocks: [
          {
            kind: 'title',
            text: title,
            subtitle: `（截至${formatDateZh(options.day)}，共${options.views.length}个，其中已逾期${overdue}个${options.note ? `；${options.note}` : ''}）`,
          },
          { kind: 'table', columns, rows, dense: true, empty: '没有问题' },
        ],
      },
    ],
  };
}
