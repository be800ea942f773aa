import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { LARGE_LIMITS } from './bench-data';

/**
 * The bench's pages are built with the default bundle limits raised to LARGE_LIMITS: the
 * 52,000-record office (a 57 MB payload) is past what the app takes from one office (limits.ts), and
 * the import path has no other way to be given limits. A real office is far below the defaults.
 */
export const raiseLimits: Plugin = {
  name: 'bench-limits',
  setup(b) {
    b.onLoad({ filter: /shared[\\/]exchange[\\/]limits\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [key, value] of Object.entries(LARGE_LIMITS)) {
        const re = new RegExp(`(DEFAULT_LIMITS[^]*?${key}: )[^,]+,`);
        if (!re.test(text)) throw new Error(`bench: ${key} not found in DEFAULT_LIMITS (shared/exchange/limits.ts)`);
        text = text.replace(re, `$1${value},`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

/**
 * Bundles a bench page (`entry`) for Chromium into `outfile`, with an HTML page beside it
 * (`index.html`, or `html`) that loads it; `raise` builds it with the raised limits.
 */
export async function buildBenchPage(entry: string, outfile: string, options: { raise?: boolean; html?: string; title?: string } = {}): Promise<void> {
  await build({
    plugins: options.raise ? [raiseLimits] : [],
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    alias: { events: './scripts/bench-events-shim.ts' },
  });
  const html = `<!doctype html><meta charset="utf-8"><title>${options.title ?? 'bench'}</title><script src="${basename(outfile)}"></script>`;
  writeFileSync(join(dirname(outfile), options.html ?? 'index.html'), html);
}
