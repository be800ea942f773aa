/**
 * The application menu, in Chinese, as a plain template (Menu.buildFromTemplate takes it as is).
 * Kept free of Electron imports so jest can read it. Developer tools and reloading exist only in
 * an unpackaged (development) build; a clerk's installed program never shows them.
 */

/** The subset of Electron's MenuItemConstructorOptions this menu uses. */
export interface MenuItemTemplate {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'quit'
  | 'reload'
  | 'toggleDevTools'
  | 'appMenu';

/** What the menu's own items do; main.ts sends most of them to the page (the import flow, printing…). */
export interface MenuActions {
  importBundles(): void;
  exportMonthBundle(): void;
  print(): void;
  backupAndRestore(): void;
  openDataFolder(): void;
  showHelp(): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** app.isPackaged: true in an installed program. */
  isPackaged: boolean;
  /** process.platform; macOS puts 退出 in the app menu by convention. */
  platform: NodeJS.Platform;
}

const separator: MenuItemTemplate = { type: 'separator' };

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemTemplate[] {
  const file: MenuItemTemplate = {
    label: '文件',
    submenu: [
      { label: '导入交换文件…', accelerator: 'CmdOrCtrl+O', click: () => actions.importBundles() },
      { label: '导出本月交换文件…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportMonthBundle() },
      separator,
      { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
      separator,
      { label: '备份与恢复…', click: () => actions.backupAndRestore() },
      { label: '打开数据文件夹', click: () => actions.openDataFolder() },
      separator,
      { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItemTemplate = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      separator,
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '粘贴为纯文本', role: 'pasteAndMatchStyle' },
      { label: '删除', role: 'delete' },
      separator,
      { label: '全选', role: 'selectAll' },
    ],
  };
  const view: MenuItemTemplate = {
    label: '视图',
    submenu: [
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      ...(options.isPackaged ? [] : [separator, { label: '重新加载（开发）', role: 'reload' as const }, { label: '开发者工具（开发）', role: 'toggleDevTools' as const }]),
    ],
  };
  const help: MenuItemTemplate = {
    label: '帮助',
    submenu: [
      { label: '使用说明', accelerator: 'F1', click: () => actions.showHelp() },
      { label: '关于无废城市建设台账', click: () => actions.showAbout() },
    ],
  };
  const menus = [file, edit, view, help];
  return options.platform === 'darwin' ? [{ label: '无废城市建设台账', role: 'appMenu' }, ...menus] : menus;
}
