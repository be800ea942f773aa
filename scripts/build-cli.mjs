// Bundles the zwc command line (cli/zwc.ts) into one CommonJS file with its dependencies, so the
// installed bin runs with plain Node 20 and needs nothing from node_modules. PGlite (the
// workspace's database) is bundled too; its WebAssembly and file-system image are loaded at run
// time from beside the script (new URL('./pglite.wasm', __filename)), so they are copied there.
import { chmodSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/zwc.ts'],
  outfile: 'dist/cli/zwc.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // ESM dependencies (PGlite's) find their files through import.meta.url: the bundle's own URL.
  banner: { js: '#!/usr/bin/env node\nconst __zwcScriptUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__zwcScriptUrl' },
  logLevel: 'warning',
});
const pglite = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
for (const asset of ['pglite.wasm', 'pglite.data', 'initdb.wasm']) copyFileSync(join(pglite, asset), join('dist/cli', asset));
// Runnable as ./dist/cli/zwc.js too, not only through the npm bin link.
chmodSync('dist/cli/zwc.js', 0o755);
console.log('cli: dist/cli/zwc.js (+ PGlite: pglite.wasm, pglite.data, initdb.wasm)');
