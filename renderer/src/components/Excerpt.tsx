import { useState } from 'react';
import { Button } from 'antd';

/** How many characters a long text shows before "…展开". */
const EXCERPT_LENGTH = 60;

/**
 * A long text as its first characters and "…展开", which shows the whole (and "收起" again). The
 * toggle is a button, so it is reached with Tab and pressed with Enter or Space. Short texts show
 * whole. Whitespace runs (line breaks in a report) are kept when expanded.
 */
export function Excerpt({ text, limit = EXCERPT_LENGTH }: { text: string; limit?: number }) {
  const [open, setOpen] = useState(false);
  const chars = Array.from(text);
  if (chars.length <= limit) return <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
  return (
    <span data-testid="excerpt" style={{ whiteSpace: 'pre-wrap' }}>
      {open ? text : `${chars.slice(0, limit).join('').trimEnd()}…`}
      <Button
        type="link"
        size="small"
        style={{ padding: '0 4px', height: 'auto' }}
        aria-expanded={open}
        data-testid="excerpt-toggle"
        onClick={(e) => {
          // In a clickable row or list item the toggle only toggles.
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        {open ? '收起' : '展开'}
      </Button>
    </span>
  );
}
