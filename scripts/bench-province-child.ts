/**
 * A process for one province case (scripts/bench-province.ts forks it): it is sent the case and
 * the offices' files, runs the case on its own clean heap and sends back the figures.
 */
import { provinceCase, type OfficeFile, type ProvinceCase } from './bench-province-case';
import type { Figure } from './bench-report';

export interface CaseRequest {
  kind: ProvinceCase;
  files: OfficeFile[];
}
export type CaseReply = { figures: Figure[] } | { error: string };

process.once('message', (request: CaseRequest) => {
  // Ends once the reply is sent: nothing the case left open (a timer, a handle) keeps it running.
  const reply = (r: CaseReply) => process.send?.(r, () => process.exit(0));
  provinceCase(request.kind, request.files).then(
    (figures) => reply({ figures }),
    (e: unknown) => reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
