import { useEffect, useRef } from 'react';
import type { PrintDocument } from '../../../../shared/print/document';
import { printCss, renderDocumentBody } from '../../../../shared/print/html';

/**
 * The document as it prints: the very markup and print CSS of shared/print/html.ts, shown in a
 * shadow root so the app's own styles cannot change it. Each sheet is drawn as A4 paper; where
 * one sheet runs over several pages the page breaks are not drawn.
 */
export function DocumentView({ doc }: { doc: PrintDocument }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${printCss()}</style>${renderDocumentBody(doc)}`;
  }, [doc]);
  return <div ref={host} data-testid="print-document" style={{ overflowX: 'auto' }} />;
}
