import { buildMenuTemplate, type MenuActions, type MenuItemTemplate } from '../../electron/lib/app-menu';

function actions() {
  const calls: string[] = [];
  const names: (keyof MenuActions)[] = ['importBundles', 'exportMonthBundle', 'print', 'backupAndRestore', 'openDataFolder', 'showHelp', 'showAbout'];
  const a = Object.fromEntries(names.map((n) => [n, () => calls.push(n)])) as unknown as MenuActions;
  return { a, calls };
}

const labels = (items: MenuItemTemplate[] | undefined) => (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);
const all = (items: MenuItemTemplate[]): MenuItemTemplate[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])]);
const find = (items: MenuItemTemplate[], label: string) => all(items).find((i) => i.label === label);

describe('application menu', () => {
  const packaged = buildMenuTemplate(actions().a, { isPackaged: true, platform: 'win32' });

  it('has 文件, 编辑, 视图, 帮助 in Chinese', () => {
    expect(packaged.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(packaged[0].submenu)).toEqual(['导入交换文件…', '导出本月交换文件…', '打印…', '备份与恢复…', '打开数据文件夹', '退出']);
    expect(labels(packaged[3].submenu)).toEqual(['使用说明', '关于无废城市建设台账']);
  });

  it('uses the standard roles for editing and only zoom for the view', () => {
    expect(packaged[1].submenu?.filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
    expect(packaged[2].submenu?.map((i) => i.role)).toEqual(['resetZoom', 'zoomIn', 'zoomOut']);
  });

  it('has no developer tools, reload or English label in an installed program', () => {
    const roles = all(packaged).map((i) => i.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    for (const item of all(packaged)) if (item.label) expect(item.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('offers developer tools in development only', () => {
    const dev = buildMenuTemplate(actions().a, { isPackaged: false, platform: 'linux' });
    expect(all(dev).map((i) => i.role)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('calls the action each item names', () => {
    const { a, calls } = actions();
    const menu = buildMenuTemplate(a, { isPackaged: true, platform: 'linux' });
    for (const label of ['导入交换文件…', '导出本月交换文件…', '打印…', '备份与恢复…', '打开数据文件夹', '使用说明', '关于无废城市建设台账']) find(menu, label)?.click?.();
    expect(calls).toEqual(['importBundles', 'exportMonthBundle', 'print', 'backupAndRestore', 'openDataFolder', 'showHelp', 'showAbout']);
    expect(find(menu, '退出')?.role).toBe('quit');
  });

  it('puts the app menu first on macOS', () => {
    expect(buildMenuTemplate(actions().a, { isPackaged: true, platform: 'darwin' })[0].role).toBe('appMenu');
  });
});
