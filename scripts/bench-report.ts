/**
 * One figure of the bench, with its target, the ratios it is judged by and whether it met the
 * target (达标) or not (未达标). A missed target is printed, never thrown: the bench always finishes.
 */
export interface Figure {
  group: string;
  name: string;
  ms: number;
  /** The target in words, e.g. "≤ 1.5× floor". */
  target: string;
  /** null where a figure has no target of its own (a floor, a peer, a part of a split). */
  met: boolean | null;
  /** Ratios printed beside the figure, e.g. { floor: 1.4, 'PouchDB repl.': 0.3 }. */
  ratios?: Record<string, number>;
  note?: string;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** A figure against an absolute target in ms. */
export function within(group: string, name: string, ms: number, targetMs: number, note?: string): Figure {
  return { group, name, ms, target: `≤ ${targetMs} ms`, met: ms <= targetMs, ...(note ? { note } : {}) };
}

export function plain(group: string, name: string, ms: number, note?: string): Figure {
  return { group, name, ms, target: '—', met: null, ...(note ? { note } : {}) };
}

const mark = (met: boolean | null) => (met === null ? '' : met ? '达标' : '未达标');
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`);

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

/** The table printed at the end: every figure with its target beside it. */
export function printFigures(figures: readonly Figure[]): void {
  let group = '';
  for (const f of figures) {
    if (f.group !== group) {
      group = f.group;
      console.log(`\n== ${group}`);
      console.log(`${pad('figure', 58)}${padStart('median', 10)}  ${pad('ratios', 36)}${pad('target', 34)}result`);
    }
    const ratios = Object.entries(f.ratios ?? {})
      .map(([k, v]) => `${v.toFixed(2)}× ${k}`)
      .join(', ');
    console.log(`${pad(f.name, 58)}${padStart(fmtMs(f.ms), 10)}  ${pad(ratios, 36)}${pad(f.target, 34)}${mark(f.met)}${f.note ? `  (${f.note})` : ''}`);
  }
  const judged = figures.filter((f) => f.met !== null);
  const missed = judged.filter((f) => f.met === false);
  console.log(`\n${judged.length - missed.length} of ${judged.length} targets met (达标)${missed.length ? `; not met (未达标): ${missed.map((f) => f.name).join('; ')}` : ''}`);
}
