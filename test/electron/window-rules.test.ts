import { isAppUrl, SECURE_WEB_PREFERENCES } from '../../electron/lib/window-rules';

describe('window rules', () => {
  const index = 'file:///opt/zwc/resources/app/dist/renderer/index.html';

  it('allows only the bundled page (with its hash routes)', () => {
    expect(isAppUrl(`${index}#/tasks`, index)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', index)).toBe(false);
    expect(isAppUrl('https://example.com/', index)).toBe(false);
    expect(isAppUrl('not a url', index)).toBe(false);
  });

  it('keeps Electron security defaults on', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });
});
