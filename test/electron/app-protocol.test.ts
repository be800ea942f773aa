import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppProtocolHandler, mimeTypeOf, resolveAppPath } from '../../electron/lib/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/lib/window-rules';

// A stand-in for dist/renderer, with a secret beside it that must never be served.
const base = mkdtempSync(join(tmpdir(), 'zwc-proto-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>台账</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'favicon.svg'), '<svg/>');
writeFileSync(join(base, 'secret.txt'), 'SECRET');
writeFileSync(join(base, 'renderer-evil.txt'), 'SECRET');
symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
symlinkSync(base, join(root, 'up'));

const handler = createAppProtocolHandler(root);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it.each([
    ['app://ledger/', 'text/html; charset=utf-8', '<!doctype html><title>台账</title>'],
    ['app://ledger/index.html#/tasks', 'text/html; charset=utf-8', '<!doctype html><title>台账</title>'],
    ['app://ledger/assets/index-abc.js?v=1', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://ledger/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://ledger/favicon.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s with the security headers', async (url, type, body) => {
    const r = await get(url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(type);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toBe(body);
  });

  it.each([
    'app://ledger/../secret.txt',
    'app://ledger/%2e%2e/secret.txt',
    'app://ledger/%2E%2E/secret.txt',
    'app://ledger/..%2fsecret.txt',
    'app://ledger/..%2Fsecret.txt',
    'app://ledger/assets/..%2f..%2fsecret.txt',
    'app://ledger/..%5csecret.txt',
    'app://ledger/%2fetc%2fpasswd',
    'app://ledger//etc/passwd',
    'app://ledger/C:%5cWindows%5cwin.ini',
    'app://ledger/index.html%00.js',
    'app://ledger/%E0%A4%A',
    'app://ledger/link.txt',
    'app://ledger/up/secret.txt',
    'app://ledger/assets',
    'app://ledger/missing.js',
    'app://evil/index.html',
    'app://ledger.evil/index.html',
    'app://ledger:99/index.html',
  ])('refuses %s', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await r.text()).not.toContain('SECRET');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://ledger/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength('<!doctype html><title>台账</title>')));
    expect(await head.text()).toBe('');
    expect((await get('app://ledger/index.html', 'POST')).status).toBe(405);
  });

  it('resolves paths only inside the root', () => {
    expect(resolveAppPath('app://ledger/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath('app://ledger/', root)).toBe(join(root, 'index.html'));
    // The URL parser itself folds a leading ../ (plain or %2e%2e) into the root, as a browser does.
    expect(resolveAppPath('app://ledger/%2e%2e/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://ledger/..%2f..%2fsecret.txt', root)).toBeNull();
    expect(resolveAppPath('app://user@ledger/index.html', root)).toBeNull();
    expect(resolveAppPath('file:///etc/passwd', root)).toBeNull();
    expect(resolveAppPath('not a url', root)).toBeNull();
  });

  it('knows the types of the built renderer and serves anything else as opaque bytes', () => {
    expect(mimeTypeOf('a.WOFF2')).toBe('font/woff2');
    expect(mimeTypeOf('a.png')).toBe('image/png');
    expect(mimeTypeOf('a.exe')).toBe('application/octet-stream');
  });
});
