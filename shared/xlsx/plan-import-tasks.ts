/** Reading a 任务清单 sheet: section and domain rows, 分项 rows, one-cell unit lists, title/summary cells. */
import type { ParticipantRole } from '../domain/task';
import { TASK_DOMAIN_LABELS } from '../domain/task';
import { parseDeadline } from '../domain/parse-deadline';
import type { SheetProblem } from './errors';
import type { WorkbookMeta } from './meta';
import { parseUnits, splitRoleLabels, type UnitRef } from './units';
import type { Worksheet } from './workbook';
import { displayText as cellText } from './cell-display';
import { columnName, distinctTexts, headerTexts, onlyMergedFromAbove, isRepeatedHeader, mergedFromAbove, MAX_SHEET_ROWS, type HeaderColumn, type SheetLayout } from './read-sheet';
import type { Piece, PlanImportContext, PreviewRow, TaskDraft } from './plan-import-types';
import { col, inferDomain, isNoteRow, isRepeatedTitle, namesDomain, sectionLabel, sectionText, sourceOf, text } from './plan-import-rows';
import { knownNames } from './plan-import-names';

export function readTasks(ws: Worksheet, layout: SheetLayout, meta: WorkbookMeta, ctx: PlanImportContext, out: PreviewRow[], problems: SheetProblem[]): void {
  const c = {
    number: col(layout, 'number'),
    title: col(layout, 'title'),
    summary: col(layout, 'summary'),
    leads: col(layout, 'leads'),
    participants: col(layout, 'participants'),
    units: col(layout, 'units'),
    leaders: col(layout, 'leaders'),
    deadline: col(layout, 'deadline'),
    domain: col(layout, 'domain'),
    id: col(layout, 'id'),
  };
  const role = ((c.participants && /^(参与|责任|配合)/.exec(c.participants.header)?.[1]) || (c.participants && /^(协同|协办)/.test(c.participants.header) ? '配合' : '') || '参与') as ParticipantRole;
  const milestonesFromTime = !!c.deadline && /时间安排|进度安排/.test(c.deadline.header);
  const known = knownNames(meta, ctx);
  const headers = headerTexts(ws, layout);
  // Title and summary in one cell, a line break between them, when there is no summary column.
  const splitTitle = !c.summary && !!c.title;
  let splitSeen = false;
  let section: { label: string; count: number | null; row: number; found: number } | null = null;
  const closeSection = () => {
    if (section && section.count !== null && section.count !== section.found) {
      problems.push({ level: 'warning', sheet: ws.name, row: section.row, column: '', message: `标题写明 ${section.count} 项任务，实际读到 ${section.found} 项，请核对是否漏行或多行。` });
    }
  };
  const last = Math.min(ws.rowCount, MAX_SHEET_ROWS);
  if (ws.rowCount > MAX_SHEET_ROWS) problems.push({ level: 'warning', sheet: ws.name, row: 0, column: '', message: `工作表超过 ${MAX_SHEET_ROWS} 行，只读取前 ${MAX_SHEET_ROWS} 行。` });
  let current: PreviewRow | null = null;
  let domainCell: { label: string; count: number | null; row: number; found: number; key: string } | null = null;
  for (let r = layout.headerRow + layout.headerRows; r <= last; r++) {
    const texts = distinctTexts(ws, r);
    if (!texts.length || onlyMergedFromAbove(ws, r)) continue;
    if (isRepeatedHeader(ws, r, headers) || isRepeatedTitle(ws, layout, texts)) continue;
    if (texts.some(isNoteRow) && texts.length <= 2 && !text(ws, r, c.title)) continue;
    const heading = sectionText(ws, r, layout, ['title', 'summary', 'leads', 'participants', 'units', 'deadline']);
    if (heading) {
      if (isNoteRow(heading)) continue;
      closeSection();
      const s = sectionLabel(heading);
      section = { ...s, row: r, found: 0 };
      current = null;
      continue;
    }
    const rowProblems: SheetProblem[] = [];
    const units = readUnitCells(ws, r, c, known, rowProblems);
    const piece: Piece = {
      text: text(ws, r, c.summary),
      leads: units.leads,
      participants: units.participants,
      ...(units.role ? { role: units.role } : {}),
      leaders: parseUnits(text(ws, r, c.leaders)).map((u) => u.name),
      deadline: text(ws, r, c.deadline),
    };
    const numberMerged = c.number ? mergedFromAbove(ws, r, c.number.col) : false;
    const titleMerged = c.title ? mergedFromAbove(ws, r, c.title.col) : false;
    const number = numberMerged ? '' : text(ws, r, c.number);
    let title = titleMerged ? '' : text(ws, r, c.title);
    if (splitTitle && title.includes('\n')) {
      const at = title.indexOf('\n');
      piece.text = title.slice(at + 1).trim();
      title = title.slice(0, at).trim();
      splitSeen = true;
    }
    if (current && current.draft.kind === 'tasks' && (numberMerged || titleMerged)) {
      // Another 分项 of the task above: its number and title cells are merged down over this row.
      current.draft.pieces.push(piece);
      current.lastRow = r;
      current.problems.push(...rowProblems);
      continue;
    }
    if (current && current.draft.kind === 'tasks' && !number && !title) {
      // A cell split over two rows (a page break in the source): continue the row above.
      const p = current.draft.pieces[current.draft.pieces.length - 1];
      p.text = [p.text, piece.text].filter(Boolean).join('\n');
      p.leads.push(...piece.leads);
      p.participants.push(...piece.participants);
      p.leaders.push(...piece.leaders);
      p.deadline = [p.deadline, piece.deadline].filter(Boolean).join('');
      current.lastRow = r;
      current.problems.push(...rowProblems);
      continue;
    }
    const id = text(ws, r, c.id) || null;
    const m = id ? meta.tasks.get(id) : undefined;
    const domainText = text(ws, r, c.domain);
    let label = section?.label ?? '其他';
    if (!section && domainText) {
      // A domain column, often merged down over its tasks: "工业固体废物（37项）" counts them.
      const key = domainKey(ws, r, c.domain as HeaderColumn);
      if (!domainCell || domainCell.key !== key) {
        if (domainCell?.count != null && domainCell.count !== domainCell.found) problems.push({ level: 'warning', sheet: ws.name, row: domainCell.row, column: columnName(c.domain as HeaderColumn), message: `“${domainCell.label}”写明 ${domainCell.count} 项任务，实际读到 ${domainCell.found} 项，请核对。` });
        domainCell = { ...sectionLabel(domainText), row: r, found: 0, key };
      }
      domainCell.found++;
      label = domainCell.label;
    }
    if (!title) rowProblems.push({ level: 'error', sheet: ws.name, row: r, column: c.title ? columnName(c.title) : '', message: '任务名称为空。' });
    if (!section && !domainText) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: '', message: '上方没有领域标题行（如“工业固体废物（37项任务）”），归入“其他”。' });
    const stream = /建筑垃圾/.test(title) ? 'construction' : /危险废物|危废|医疗废物/.test(title) ? 'hazardous' : null;
    if (stream && !m && stream !== inferDomain(label) && !namesDomain(label)) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: c.title ? columnName(c.title) : '', message: `任务名称提到“${TASK_DOMAIN_LABELS[stream]}”，但所在领域“${label}”归为“${TASK_DOMAIN_LABELS[inferDomain(label)]}”；按领域标题归类，如需改为“${TASK_DOMAIN_LABELS[stream]}”请导入后修改。` });
    if (title.length > 60 && c.title) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: columnName(c.title), message: `任务名称长达 ${title.length} 字，可能把任务内容也写在了名称里，请核对。` });
    if (section) section.found++;
    const draft: TaskDraft = {
      kind: 'tasks',
      id,
      domain: m?.domain ?? inferDomain(label),
      domainLabel: label,
      number: number || String((section?.found ?? out.length) || 1),
      title: title || '（无名称）',
      role,
      milestonesFromTime,
      pieces: [piece],
      source: m?.source ?? sourceOf(ctx, ws.name, r),
      ...(m ? { meta: m } : {}),
    };
    current = { kind: 'tasks', sheet: ws.name, row: r, lastRow: r, label: `${label} ${draft.number}「${draft.title}」`, status: rowProblems.some((p) => p.level === 'error') ? 'error' : 'new', problems: rowProblems, draft };
    out.push(current);
  }
  closeSection();
  if (domainCell?.count != null && domainCell.count !== domainCell.found) problems.push({ level: 'warning', sheet: ws.name, row: domainCell.row, column: '', message: `“${domainCell.label}”写明 ${domainCell.count} 项任务，实际读到 ${domainCell.found} 项，请核对。` });
  if (splitSeen && c.title) problems.push({ level: 'warning', sheet: ws.name, row: layout.headerRow, column: columnName(c.title), message: '没有单独的“主要内容”列：单元格中第一行作为任务名称，换行后的文字作为主要内容。' });
  for (const row of out) {
    if (row.draft.kind !== 'tasks' || row.sheet !== ws.name) continue;
    for (const p of row.draft.pieces) {
      if (!p.deadline) continue;
      const d = parseDeadline(p.deadline);
      if (!d.points.length && d.open === null) {
        row.problems.push({ level: 'warning', sheet: ws.name, row: row.row, column: c.deadline ? columnName(c.deadline) : '', message: `无法识别完成时限“${p.deadline}”，按原文保存，不参与逾期判断。` });
      }
    }
    if (row.draft.pieces.length > 1 && !meta.tasks.get(row.draft.id ?? '')) row.draft.source = sourceOf(ctx, ws.name, row.row, row.lastRow);
  }
}

/** The merge (or cell) a domain column's value comes from, so a merged domain is one group. */
function domainKey(ws: Worksheet, row: number, c: HeaderColumn): string {
  // By its text: a merge broken by a page break (the header repeated) or a domain written on every row is still one group.
  return cellText(ws.getCell(row, c.col));
}

interface UnitColumns {
  leads?: HeaderColumn;
  participants?: HeaderColumn;
  units?: HeaderColumn;
}

/**
 * The lead and other units of one row: from their own columns, or from one cell that labels them
 * (牵头单位：…；配合单位：…). A one-cell list that labels neither is read as leads, with a doubt.
 */
function readUnitCells(ws: Worksheet, r: number, c: UnitColumns, known: readonly string[], problems: SheetProblem[]): { leads: UnitRef[]; participants: UnitRef[]; role: ParticipantRole | null } {
  const leads: UnitRef[] = [];
  const participants: UnitRef[] = [];
  let role: ParticipantRole | null = null;
  for (const [column, kind] of [[c.leads, 'leads'], [c.participants, 'participants'], [c.units, 'units']] as const) {
    if (!column) continue;
    const raw = text(ws, r, column);
    if (!raw) continue;
    const labelled = splitRoleLabels(raw);
    if (labelled) {
      leads.push(...parseUnits(labelled.leads, known));
      participants.push(...parseUnits(labelled.participants, known));
      role ??= labelled.role;
      if (labelled.unlabelled) {
        (kind === 'participants' ? participants : leads).push(...parseUnits(labelled.unlabelled, known));
        problems.push({ level: 'warning', sheet: ws.name, row: r, column: columnName(column), message: `“${labelled.unlabelled}”没有写明是牵头还是配合单位，记为${kind === 'participants' ? '配合' : '牵头'}单位，请核对。` });
      }
      continue;
    }
    const list = parseUnits(raw, known);
    if (kind === 'units') {
      leads.push(...list);
      if (list.length > 1) problems.push({ level: 'warning', sheet: ws.name, row: r, column: columnName(column), message: `责任单位没有写明牵头单位和配合单位，${list.length} 个单位都记为牵头单位，请核对。` });
    } else (kind === 'leads' ? leads : participants).push(...list);
  }
  for (const u of [...leads, ...participants]) {
    if (/^(牵头|配合|参与|责任|协同|协办)(单位|部门)?$/.test(u.name)) problems.push({ level: 'warning', sheet: ws.name, row: r, column: '', message: `“${u.name}”不像单位名称，请核对单元格的写法。` });
  }
  return { leads, participants, role };
}
