import { useCallback, useState, type ReactNode } from 'react';
import { App as AntApp, Button } from 'antd';
import type { ProgressEntry } from '../../../../shared/domain/progress';
import { isNoProblemText } from '../../../../shared/domain/problem';
import type { ProblemCandidate } from '../../../../shared/views/problems';
import { useAppState } from '../../app/store';
import { logReadError } from '../../app/read-errors';
import { RaiseProblemsModal } from './RaiseProblemsModal';

/**
 * Right after a clerk saves a typed report whose 存在问题 is not empty: a note “存在问题可登记为问题
 * 跟踪” with 登记为问题, which opens the raising dialog for that one report (new, or a follow-up of an
 * open problem of the same task). Nothing is raised without the clerk; a report already raised (a
 * correction of one) is not offered again. Returns the offer and the dialog to render (outside any form).
 */
export function useRaiseOffer(officeCode: string): [(entry: ProgressEntry) => void, ReactNode] {
  const { message } = AntApp.useApp();
  const workspace = useAppState((s) => s.workspace);
  const departments = useAppState((s) => (s.phase.kind === 'ready' ? s.phase.all.departments : null));
  const [candidates, setCandidates] = useState<ProblemCandidate[] | null>(null);
  const offer = useCallback(
    (entry: ProgressEntry) => {
      if (!workspace || isNoProblemText(entry.problems)) return;
      void workspace.problems
        .candidates(officeCode, { entries: [entry] })
        .then((found) => {
          if (!found.length) return;
          const key = `raise-${entry.id}`;
          message.info({
            key,
            duration: 12,
            content: (
              <span data-testid="raise-offer">
                本次报送的存在问题尚未列入问题清单
                <Button
                  type="link"
                  size="small"
                  data-testid="raise-offer-open"
                  onClick={() => {
                    message.destroy(key);
                    setCandidates(found);
                  }}
                >
                  登记为问题
                </Button>
              </span>
            ),
          });
        })
        .catch(logReadError('待登记的存在问题'));
    },
    [workspace, officeCode, message],
  );
  const modal = departments && <RaiseProblemsModal open={candidates !== null} candidates={candidates ?? []} departments={departments} officeCode={officeCode} onClose={() => setCandidates(null)} />;
  return [offer, modal];
}
