import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  firstBounds,
  initialWindowState,
  loadWindowState,
  MIN_WINDOW,
  minimumSize,
  parseWindowState,
  saveWindowState,
  stateToSave,
  WINDOW_STATE_FILE,
  type Rect,
  type StatefulWindow,
} from '../../electron/lib/window-state';

const laptop = { workArea: { x: 0, y: 0, width: 1366, height: 728 } }; // 1366×768 with a 40px taskbar
const big = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right = { workArea: { x: 1920, y: 0, width: 1280, height: 984 } };
const inside = (r: Rect, a: Rect) => r.x >= a.x && r.y >= a.y && r.x + r.width <= a.x + a.width && r.y + r.height <= a.y + a.height;

describe('window state', () => {
  it('fits the work area of a 1366×768 screen on first start', () => {
    const s = initialWindowState(null, [laptop], laptop);
    expect(s.maximized).toBe(false);
    expect(inside(s.bounds, laptop.workArea)).toBe(true);
    expect(s.bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('opens at the preferred size, centred, on a large screen', () => {
    expect(firstBounds(big.workArea)).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('comes back where it was left, maximised or not', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1100, height: 800 }, maximized: true };
    expect(initialWindowState(saved, [big, right], big)).toEqual(saved);
  });

  it('brings a window left on an unplugged screen onto the nearest one, whole', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1200, height: 900 }, maximized: false };
    const s = initialWindowState(saved, [laptop], laptop);
    expect(inside(s.bounds, laptop.workArea)).toBe(true);
    expect(s.bounds.width).toBe(1200);
  });

  it('brings back a window whose title bar is above the screen', () => {
    const s = initialWindowState({ bounds: { x: 100, y: -600, width: 1100, height: 700 }, maximized: false }, [big], big);
    expect(s.bounds.y).toBe(0);
  });

  it('keeps the minimum size, but never more than the screen', () => {
    const s = initialWindowState({ bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false }, [big], big);
    expect(s.bounds).toMatchObject({ width: MIN_WINDOW.width, height: MIN_WINDOW.height });
    expect(minimumSize({ x: 0, y: 0, width: 1000, height: 600 })).toEqual({ width: 1000, height: 600 });
    expect(minimumSize(laptop.workArea)).toEqual({ width: 1024, height: 700 });
  });

  it('reads a saved state back, and ignores a damaged one', () => {
    const saved = { bounds: { x: 1, y: 2, width: 1100, height: 800 }, maximized: false };
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
    expect(parseWindowState('{"bounds":{"x":1}}')).toBeNull();
    expect(parseWindowState('not json')).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved, bounds: { ...saved.bounds, width: -5 } }))).toBeNull();
    expect(parseWindowState(null)).toBeNull();
  });

  it('saves the normal place of a maximised window, and that it was maximised', () => {
    const win = (maximized: boolean): StatefulWindow => ({
      isMaximized: () => maximized,
      isMinimized: () => false,
      isFullScreen: () => false,
      getBounds: () => ({ x: 0, y: 0, width: 1920, height: 1040 }),
      getNormalBounds: () => ({ x: 100.4, y: 80, width: 1200, height: 800 }),
    });
    expect(stateToSave(win(true))).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
    expect(stateToSave(win(false))).toEqual({ bounds: { x: 0, y: 0, width: 1920, height: 1040 }, maximized: false });
  });

  it('is saved in the data folder and read back; a damaged or missing file gives the first-start size', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zwc-wstate-'));
    expect(loadWindowState(folder)).toBeNull();
    const state = { bounds: { x: 20, y: 10, width: 1200, height: 710 }, maximized: true };
    expect(saveWindowState(folder, state)).toBe(true);
    expect(loadWindowState(folder)).toEqual(state);
    writeFileSync(join(folder, WINDOW_STATE_FILE), '{"bounds":');
    expect(loadWindowState(folder)).toBeNull();
    expect(saveWindowState(join(folder, 'missing', 'folder'), state)).toBe(false);
  });
});
