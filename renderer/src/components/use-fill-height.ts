import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The height a table's body may take so that the table, its header and its horizontal scrollbar
 * end inside the window (a 1366×768 laptop shows no scrollbar below the fold). Put the ref on a
 * wrapper just around the table; `reserve` is what sits below the body (header row, scrollbar).
 */
export function useFillHeight(reserve = 64, min = 240): [(el: HTMLDivElement | null) => void, number] {
  const el = useRef<HTMLDivElement | null>(null);
  const [height, setHeight] = useState(480);
  const measure = useCallback(() => {
    if (!el.current) return;
    const top = el.current.getBoundingClientRect().top + window.scrollY;
    setHeight(Math.max(min, Math.floor(window.innerHeight - top - reserve)));
  }, [reserve, min]);
  useEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (ro && el.current?.parentElement) ro.observe(el.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      ro?.disconnect();
    };
  }, [measure]);
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      el.current = node;
      measure();
    },
    [measure],
  );
  return [ref, height];
}

/** Props that make a clickable text (a row's title) reachable by Tab and opened by Enter or Space. */
export function keyboardOpen(open: () => void) {
  return {
    role: 'button',
    tabIndex: 0,
    onKeyDown: (e: { key: string; preventDefault: () => void }) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    },
  } as const;
}
