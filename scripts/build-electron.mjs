// Bundles the Electron main and preload scripts to CommonJS; 'electron' stays external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron'], sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.js' });
console.log('electron: dist/electron/main.js, dist/electron/preload.js');
