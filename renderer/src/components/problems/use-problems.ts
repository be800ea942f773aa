import { useEffect, useState } from 'react';
import type { Period } from '../../../../shared/domain/ids';
import type { Problem } from '../../../../shared/domain/problem';
import type { ProblemCandidate, ProblemContext } from '../../../../shared/views/problems';
import { useAppState } from '../../app/store';
import { logReadError } from '../../app/read-errors';

/** The office's departments, tasks and projects that name problems: every plan period's, so an older task still has its name. */
export function useProblemContext(): ProblemContext | null {
  return useAppState((s) => (s.phase.kind === 'ready' ? s.phase.all : null));
}

/** One read of the problems per state of the workspace, shared by every component that asks (each row of 月度调度 does). */
const reads = new WeakMap<object, Promise<Problem[]>>();
/** The reads that have come back: a component mounted later starts with them (a dialog's first list is whole). */
const done = new WeakMap<object, Problem[]>();

/**
 * Every live problem of the office, read again whenever the workspace changes (a save, an undo, an
 * import, another window): the store re-reads the plan then, and this follows it.
 */
export function useProblems(): Problem[] {
  const workspace = useAppState((s) => s.workspace);
  const phase = useAppState((s) => s.phase);
  const officeCode = phase.kind === 'ready' ? phase.settings.officeCode : null;
  const [problems, setProblems] = useState<Problem[]>(() => done.get(phase) ?? []);
  useEffect(() => {
    if (!workspace || !officeCode) return;
    let live = true;
    let read = reads.get(phase);
    if (!read) {
      read = workspace.problems.all(officeCode).then((list) => (done.set(phase, list), list));
      reads.set(phase, read);
    }
    void read.then((list) => live && setProblems(list)).catch(logReadError('问题清单'));
    return () => {
      live = false;
    };
  }, [workspace, officeCode, phase]);
  return problems;
}

/** The month's 存在问题 not yet raised (ProblemService.candidates), read again whenever the workspace changes. */
export function useProblemCandidates(period: Period): ProblemCandidate[] {
  const workspace = useAppState((s) => s.workspace);
  const phase = useAppState((s) => s.phase);
  const officeCode = phase.kind === 'ready' ? phase.settings.officeCode : null;
  const [candidates, setCandidates] = useState<ProblemCandidate[]>([]);
  useEffect(() => {
    if (!workspace || !officeCode) return;
    let live = true;
    void workspace.problems
      .candidates(officeCode, { period })
      .then((list) => live && setCandidates(list))
      .catch(logReadError('待登记的存在问题'));
    return () => {
      live = false;
    };
  }, [workspace, officeCode, phase, period]);
  return candidates;
}
