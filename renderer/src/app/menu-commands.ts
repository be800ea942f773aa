import type { MenuCommand } from '../../../shared/platform/desktop-api';

/*
 * Where each item of the desktop's application menu takes the clerk: the page that holds the
 * action (the clerk then starts it there, as from the page's own buttons). 打印 opens 月度调度,
 * whose 打印交办单 / 打印督办单 / 打印报送情况 are the monthly print dialogs.
 */
export const MENU_ROUTES: Record<MenuCommand, { route: string; anchor?: string }> = {
  importBundles: { route: '/exchange' },
  exportMonthBundle: { route: '/exchange' },
  print: { route: '/monthly' },
  backupAndRestore: { route: '/settings', anchor: 'backup-card' },
  help: { route: '/settings', anchor: 'about-card' },
  about: { route: '/settings', anchor: 'about-card' },
};

/** The hash route ("#/exchange") for a menu command, kept as is when the clerk is already on that page (its tab, its drawer). */
export function menuTarget(command: MenuCommand, currentHash: string): string | null {
  const { route } = MENU_ROUTES[command];
  const current = currentHash.replace(/^#/, '').split('?')[0];
  return current === route ? null : route;
}

/** Goes to the page of a menu command; the unsaved-work guard still asks before leaving typing. */
export function followMenuCommand(command: MenuCommand): void {
  const target = menuTarget(command, window.location.hash);
  if (target) window.location.hash = target;
  const { anchor } = MENU_ROUTES[command];
  if (!anchor) return;
  // The page renders on the hash change; its card is there a moment later.
  let tries = 0;
  const scroll = () => {
    const card = document.querySelector(`[data-testid="${anchor}"]`);
    if (card) card.scrollIntoView({ block: 'start' });
    else if (++tries < 20) setTimeout(scroll, 50);
  };
  setTimeout(scroll, 0);
}
