import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, isAppUrl, mayNavigate, SECURE_WEB_PREFERENCES, WINDOW_OPEN_DECISION } from '../../electron/lib/window-rules';

describe('window rules', () => {
  it('recognises only the app page on the app scheme (with its hash routes)', () => {
    expect(APP_INDEX_URL).toBe('app://ledger/index.html');
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl(`${APP_INDEX_URL}#/tasks`)).toBe(true);
    expect(isAppUrl('app://ledger/')).toBe(true);
    for (const url of [
      'file:///opt/zwc/resources/app.asar/dist/renderer/index.html',
      'app://ledger/assets/index.js',
      'app://ledger.evil/index.html',
      'app://evil/index.html',
      'app://user@ledger/index.html',
      'app://ledger:8080/index.html',
      'https://ledger/index.html',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect([url, isAppUrl(url)]).toEqual([url, false]);
    }
  });

  it('allows no navigation and no new window', () => {
    expect(mayNavigate('https://example.com/')).toBe(false);
    expect(mayNavigate(APP_INDEX_URL)).toBe(false);
    expect(mayNavigate('file:///etc/passwd')).toBe(false);
    expect(WINDOW_OPEN_DECISION).toEqual({ action: 'deny' });
  });

  it('keeps Electron security defaults on', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(SECURE_WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
  });

  it('gives the app scheme a secure origin and nothing that weakens it', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    for (const weakening of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream']) expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty(weakening);
  });

  it('has a strict content security policy', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action', 'worker-src']) expect(directives.get(name)).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });
});
