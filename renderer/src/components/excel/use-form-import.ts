import { useCallback, useRef, useState } from 'react';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { Period } from '../../../../shared/domain/ids';
import type { OpenedEntry } from '../../../../shared/platform/desktop-api';
import type { FormPreview } from '../../../../shared/xlsx/dept-form';
import { fileKindRefusal } from '../../../../shared/xlsx/file-kind';
import { loadXlsx } from './xlsx';
import { messageOf } from './files';
import type { Workspace } from '../../../../shared/app/workspace';

/** One returned file and what became of it: a preview to confirm, or why it was refused. */
export type FileOutcome = { name: string } & ({ preview: FormPreview; refusal?: undefined } | { refusal: string; preview?: undefined });

export interface ImportProgress {
  done: number;
  total: number;
  name: string;
}

/** Lets the progress line paint between two files (parsing a workbook holds the page for a moment). */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The returned forms being imported, file by file: each is classified by its bytes (an .ods or
 * .xls is refused by name), parsed and previewed; nothing is written until the clerk confirms.
 * A file of the same name chosen again replaces its earlier outcome.
 */
export function useFormImport(plan: PlanData, period: Period, workspace: Pick<Workspace, 'deviceId' | 'formSecret' | 'problems'>) {
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // Files added while others are still being read (a second drop) wait their turn.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const run = useCallback(
    async (entries: readonly OpenedEntry[]) => {
      if (entries.length === 0) return;
      try {
        const xlsx = await loadXlsx();
        // The office's form secret: forms it sealed are checked row by row against it.
        const formSecret = await workspace.formSecret();
        const { deviceId } = workspace;
        // The 问题整改 rows are read against the office's problems as stored now.
        const problems = await workspace.problems.all(plan.office.code);
        for (const [i, entry] of entries.entries()) {
          setProgress({ done: i + 1, total: entries.length, name: entry.name });
          await nextFrame();
          let outcome: FileOutcome;
          if ('refusal' in entry) outcome = { name: entry.name, refusal: entry.refusal };
          else {
            const refusal = fileKindRefusal(entry.name, entry.data);
            if (refusal) outcome = { name: entry.name, refusal };
            else {
              try {
                const workbook = await xlsx.readWorkbook(entry.data);
                outcome = { name: entry.name, preview: xlsx.previewDepartmentForm(workbook, { fileName: entry.name, plan, period, deviceId, formSecret, problems, now: new Date() }) };
              } catch (e) {
                outcome = { name: entry.name, refusal: `「${entry.name}」：${messageOf(e)}` };
              }
            }
          }
          setOutcomes((list) => [...list.filter((o) => o.name !== outcome.name), outcome]);
        }
      } finally {
        setProgress(null);
      }
    },
    [plan, period, workspace],
  );
  const add = useCallback(
    (entries: readonly OpenedEntry[]) => (queue.current = queue.current.catch(() => undefined).then(() => run(entries))),
    [run],
  );

  /** A refusal of the whole choice (too many files, a folder that cannot be read), shown like a file's. */
  const refuseAll = useCallback((what: string, reason: string) => setOutcomes((list) => [...list.filter((o) => o.name !== what), { name: what, refusal: reason }]), []);
  const clear = useCallback(() => setOutcomes([]), []);
  const previews = outcomes.flatMap((o) => (o.preview ? [o.preview] : []));
  return { outcomes, previews, progress, add, refuseAll, clear };
}
