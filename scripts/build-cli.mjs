// Bundles the zwc command line (cli/zwc.ts) into one CommonJS file with its dependencies, so the
// installed bin runs with plain Node 20 and needs nothing from node_modules.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/zwc.ts'],
  outfile: 'dist/cli/zwc.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
// Runnable as ./dist/cli/zwc.js too, not only through the npm bin link.
chmodSync('dist/cli/zwc.js', 0o755);
console.log('cli: dist/cli/zwc.js');
