/**
 * The city at province scale, in Node (issue 29): realistic bundles of the first N county-level
 * offices of 内蒙古自治区 (real GB/T 2260 codes, under 11 cities) imported one after another into
 * one workspace through the services zwc runs, over the memory storage and over the command
 * line's PGlite storage; then every city's overview and one consolidated workbook over all N
 * offices (scripts/bench-province-case.ts).
 *
 * The files are made once, here; each storage case runs in a process of its own
 * (scripts/bench-province-child.ts), as each browser case runs on a fresh origin: a case's garbage
 * collections then walk only what that case holds, not what the bench held before it (the ledger's
 * 10,000 tasks kept by bench.ts, the other case's workspace). In one process, a major collection
 * during the last tenth of the memory case marked those too: 1.49× the first tenth in one run.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { generateIdentity } from '../shared/exchange/identity';
import { bundleOf, provinceCounties, realisticOffice } from './bench-data';
import type { Figure } from './bench-report';
import type { OfficeFile, ProvinceCase } from './bench-province-case';
import type { CaseReply, CaseRequest } from './bench-province-child';

async function officeFiles(n: number): Promise<OfficeFile[]> {
  const out: OfficeFile[] = [];
  for (const [i, c] of provinceCounties(n).entries()) {
    const identity = await generateIdentity();
    const data = await bundleOf(realisticOffice(c.code, c.name, c.parentCode, `laptop${i}`), identity, c.code, `laptop${i}`, 1);
    out.push({ ...c, publicKey: identity.publicKey, data });
  }
  return out;
}

/** Runs one case in a new Node process (the same loader: tsx) and returns its figures. */
function inChild(kind: ProvinceCase, files: OfficeFile[]): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    // The same Node and flags this process runs with (tsx's loader, a --cpu-prof asked for), files sent by structured clone.
    const child = fork(join(__dirname, 'bench-province-child.ts'), [], { serialization: 'advanced', stdio: 'inherit' });
    let reply: CaseReply | undefined;
    child.once('message', (m: CaseReply) => (reply = m));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'figures' in reply) resolve(reply.figures);
      else reject(new Error(`province case ${kind}: ${reply && 'error' in reply ? reply.error : `the process ended (${signal ?? code}) without figures`}`));
    });
    const request: CaseRequest = { kind, files };
    child.send(request);
  });
}

export async function benchProvince(n: number): Promise<Figure[]> {
  const t0 = Date.now();
  const files = await officeFiles(n);
  console.log(`province bench: ${n} offices' bundles (${files.length} real county codes) made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const figures = await inChild('memory', files);
  console.log(`  memory storage done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  figures.push(...(await inChild('pglite', files)));
  console.log(`  PGlite storage done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return figures;
}
