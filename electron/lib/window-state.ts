import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The main window's size and place: on first start it fits the work area of the screen it opens
 * on (a 1366×768 laptop's taskbar leaves about 1366×728); later it comes back where the clerk left
 * it, maximised or not, unless that place is no longer on any screen (a projector unplugged), when
 * it is brought onto the nearest one. Kept free of Electron imports: main.ts passes screen's
 * displays and reads/writes the saved state as JSON in the data folder.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DisplayArea {
  workArea: Rect;
}

/** The smallest window: the layouts are tested at 1366×768; below this they would wrap and hide actions. */
export const MIN_WINDOW = { width: 1024, height: 700 } as const;
/** A first window on a large screen need not fill it. */
export const PREFERRED_WINDOW = { width: 1400, height: 900 } as const;
/** How much of a window must be on a screen to count as visible (enough to grab its title bar). */
const VISIBLE_MARGIN = 100;
export const WINDOW_STATE_FILE = 'window-state.json';

const RectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive().max(20000), height: z.number().int().positive().max(20000) }).strict();
export const WindowStateSchema = z.object({ bounds: RectSchema, maximized: z.boolean() }).strict();
export type WindowState = z.infer<typeof WindowStateSchema>;

/** A saved state read back from disk; null when missing or damaged (then the first-start size is used). */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  try {
    const r = WindowStateSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The minimum size, no larger than the work area (a small screen still shows the whole window). */
export function minimumSize(area: Rect): { width: number; height: number } {
  return { width: Math.min(MIN_WINDOW.width, area.width), height: Math.min(MIN_WINDOW.height, area.height) };
}

/** First start: the preferred size, no larger than the work area, centred in it. */
export function firstBounds(area: Rect): Rect {
  const width = Math.min(PREFERRED_WINDOW.width, area.width);
  const height = Math.min(PREFERRED_WINDOW.height, area.height);
  return { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function distance(a: Rect, b: Rect): number {
  const dx = a.x + a.width / 2 - (b.x + b.width / 2);
  const dy = a.y + a.height / 2 - (b.y + b.height / 2);
  return dx * dx + dy * dy;
}

/** Moves and shrinks `bounds` so it lies wholly within `area`, keeping the minimum size where the area allows. */
function fitInto(bounds: Rect, area: Rect): Rect {
  const min = minimumSize(area);
  const width = Math.min(Math.max(bounds.width, min.width), area.width);
  const height = Math.min(Math.max(bounds.height, min.height), area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/**
 * Where the window opens. `primary` is the screen a first window opens on. A saved place that is
 * still visible (its top strip on some screen) is kept as it was, only made no smaller than the
 * minimum and no larger than its screen; one that is not is brought onto the nearest screen.
 */
export function initialWindowState(saved: WindowState | null, displays: readonly DisplayArea[], primary: DisplayArea): WindowState {
  if (!saved) return { bounds: firstBounds(primary.workArea), maximized: false };
  const titleBar = { ...saved.bounds, height: Math.min(saved.bounds.height, VISIBLE_MARGIN) };
  const visibleOn = displays.find((d) => {
    const o = overlap(titleBar, d.workArea);
    return o.width >= Math.min(VISIBLE_MARGIN, saved.bounds.width) && o.height > 0;
  });
  const target = visibleOn ?? [...displays].sort((a, b) => distance(saved.bounds, a.workArea) - distance(saved.bounds, b.workArea))[0] ?? primary;
  return { bounds: fitInto(saved.bounds, target.workArea), maximized: saved.maximized };
}

/** The part of a BrowserWindow saving needs. */
export interface StatefulWindow {
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  getBounds(): Rect;
  /** The size and place it returns to when un-maximised. */
  getNormalBounds(): Rect;
}

/** What to save when the window closes: its normal (un-maximised) place and whether it was maximised. */
export function stateToSave(win: StatefulWindow): WindowState {
  const maximized = win.isMaximized() || win.isFullScreen();
  const bounds = maximized || win.isMinimized() ? win.getNormalBounds() : win.getBounds();
  return { bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) }, maximized };
}

/** The saved state in `folder` (the data folder), or null when there is none or it is damaged. */
export function loadWindowState(folder: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(join(folder, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Writes the state through a temporary file, so a crash mid-write leaves the old one. Never throws: a lost size is no reason to stop closing. */
export function saveWindowState(folder: string, state: WindowState): boolean {
  const path = join(folder, WINDOW_STATE_FILE);
  try {
    writeFileSync(`${path}.tmp`, JSON.stringify(state), { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
    return true;
  } catch {
    return false;
  }
}
