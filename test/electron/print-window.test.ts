import { documentUrl, installPrintSession, PRINT_CSP, PRINT_PARTITION, printRequestAllowed, withPrintCsp, type PrintSession } from '../../electron/lib/print-window';

const doc = '/tmp/zwc-print-abc/0123456789abcdef.html';

function fakeSession() {
  const s = {
    before: null as null | ((d: { url: string }) => boolean),
    headers: null as null | ((h: Record<string, string[]>) => Record<string, string[]>),
    permission: null as null | (() => boolean),
    check: null as null | (() => boolean),
  };
  const session: PrintSession = {
    webRequest: {
      onBeforeRequest: (l) => {
        s.before = (d) => {
          let cancel = true;
          l(d, (r) => (cancel = r.cancel));
          return !cancel;
        };
      },
      onHeadersReceived: (l) => {
        s.headers = (h) => {
          let out: Record<string, string[]> = {};
          l({ responseHeaders: h }, (r) => (out = r.responseHeaders));
          return out;
        };
      },
    },
    setPermissionRequestHandler: (h) => {
      s.permission = () => {
        let granted = true;
        h(null, 'media', (g) => (granted = g));
        return granted;
      };
    },
    setPermissionCheckHandler: (h) => (s.check = h),
  };
  return { s, session };
}

describe('print window', () => {
  it('has a partition of its own, kept in memory', () => {
    expect(PRINT_PARTITION).not.toMatch(/^persist:/);
    expect(PRINT_PARTITION.length).toBeGreaterThan(0);
  });

  it('lets through only its own document and inline images', () => {
    const own = documentUrl(doc);
    expect(printRequestAllowed(own, own)).toBe(true);
    expect(printRequestAllowed(`${own}#page2`, own)).toBe(true);
    expect(printRequestAllowed('data:image/png;base64,AAAA', own)).toBe(true);
    for (const url of [
      documentUrl('/tmp/zwc-print-abc/other.html'),
      documentUrl('/home/clerk/.config/无废城市建设台账/device-key.zwk'),
      'https://example.com/track.png',
      'http://127.0.0.1:8080/',
      'app://ledger/index.html',
      'data:text/html,<script>1</script>',
      'file://evil-host/tmp/zwc-print-abc/0123456789abcdef.html',
      'not a url',
    ])
      expect(printRequestAllowed(url, own)).toBe(false);
    expect(printRequestAllowed(own, null)).toBe(false);
  });

  it('puts its own policy first in the document, whatever the page says', () => {
    const html = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head><body></body></html>';
    const out = withPrintCsp(html);
    expect(out).toContain(`<head><meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}"><meta charset="utf-8">`);
    expect(withPrintCsp('<p>无头文档</p>')).toMatch(/^<head><meta http-equiv="Content-Security-Policy"/);
    // A doctype stays first, or the document would be laid out in quirks mode.
    expect(withPrintCsp('<!DOCTYPE html><p>无头文档</p>')).toMatch(/^<!DOCTYPE html><head><meta http-equiv="Content-Security-Policy"[^>]*><\/head><p>/);
    expect(PRINT_CSP).toMatch(/default-src 'none'/);
    expect(PRINT_CSP).toMatch(/script-src 'none'/);
  });

  it('installs the filter, the header and no permissions on its session', () => {
    const { s, session } = fakeSession();
    const rules = installPrintSession(session);
    expect(s.before?.({ url: documentUrl(doc) })).toBe(false);
    rules.allow(doc);
    expect(s.before?.({ url: documentUrl(doc) })).toBe(true);
    expect(s.before?.({ url: 'https://example.com/' })).toBe(false);
    rules.clear();
    expect(s.before?.({ url: documentUrl(doc) })).toBe(false);
    expect(s.headers?.({ 'Content-Type': ['text/html'] })).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [PRINT_CSP] });
    expect(s.permission?.()).toBe(false);
    expect(s.check?.()).toBe(false);
  });
});
