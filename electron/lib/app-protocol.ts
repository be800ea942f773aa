import { lstat, readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './window-rules';

/**
 * The app:// scheme's handler (protocol.handle): serves the built renderer (dist/renderer) and
 * nothing else. Kept free of Electron imports: it takes a fetch Request and returns a Response,
 * so jest calls it directly.
 */

/** The types the renderer's build contains; anything else is served as opaque bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers every response carries, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/**
 * The file under `root` that an app:// URL names, or null when the URL is not ours or would leave
 * `root`. Checked segment by segment after percent-decoding, so `..`, `%2e%2e`, `..%2f`, back
 * slashes, NUL and drive letters are all refused, and the result is confirmed to lie inside root.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  if (target.protocol !== `${APP_SCHEME}:` || target.hostname !== APP_HOST || target.port || target.username || target.password) return null;
  let path: string;
  try {
    path = decodeURIComponent(target.pathname);
  } catch {
    return null;
  }
  if (path === '' || path === '/') path = '/index.html';
  if (!path.startsWith('/') || path.includes('\\') || path.includes('\0')) return null;
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes(':'))) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Every step from root to the file is a real directory and the file a regular file: a symbolic
 * link anywhere on the way is refused, even inside root, so nothing can point the app elsewhere.
 */
async function regularFileSize(root: string, file: string): Promise<number | null> {
  const steps = relative(resolve(root), file).split(/[\\/]/);
  let at = resolve(root);
  for (let i = 0; i < steps.length; i++) {
    at = resolve(at, steps[i]);
    const info = await lstat(at);
    const last = i === steps.length - 1;
    if (last ? !info.isFile() : !info.isDirectory()) return null;
    if (last) return info.size;
  }
  return null;
}

/** Builds the handler for protocol.handle('app', …). Only GET and HEAD; only regular files. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    const file = resolveAppPath(request.url, root);
    if (!file) return refusal(404, 'not found');
    try {
      const size = await regularFileSize(root, file);
      if (size === null) return refusal(404, 'not found');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return new Response(body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file), 'Content-Length': String(body ? body.byteLength : size) },
      });
    } catch {
      return refusal(404, 'not found');
    }
  };
}
