import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { startStaticServer } from '../../../scripts/static-server';

/** Serves the built renderer (npm run build:renderer) for a test file. */
export async function serveBuiltApp(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync('dist/renderer/index.html')) throw new Error('dist/renderer 不存在：请先运行 npm run build:renderer');
  const { server, url } = await startStaticServer('dist/renderer');
  return { url, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((ok) => server.close(() => ok()));
}
