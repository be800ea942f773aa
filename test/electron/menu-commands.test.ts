import { MENU_COMMANDS } from '../../shared/platform/desktop-api';
import { MENU_ROUTES, menuTarget } from '../../renderer/src/app/menu-commands';

describe('menu commands in the page', () => {
  it('go to the page that holds the action', () => {
    expect(menuTarget('importBundles', '#/dashboard')).toBe('/exchange');
    expect(menuTarget('exportMonthBundle', '')).toBe('/exchange');
    expect(menuTarget('print', '#/tasks')).toBe('/monthly');
    expect(menuTarget('backupAndRestore', '#/monthly?task=t1')).toBe('/settings');
    expect(menuTarget('about', '#/exchange')).toBe('/settings');
  });

  it('leave the address alone when the clerk is already on that page (its tab or drawer stays)', () => {
    expect(menuTarget('importBundles', '#/exchange?tab=conflicts')).toBeNull();
    expect(menuTarget('print', '#/monthly?task=t1')).toBeNull();
  });

  it('cover every command the shell can send', () => {
    expect(Object.keys(MENU_ROUTES).sort()).toEqual([...MENU_COMMANDS].sort());
  });
});
