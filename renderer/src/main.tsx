import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { usePrefersReducedMotion } from './app/reduced-motion';
import './styles.css';
import { desktop } from './platform';
import { receiveOpenedBundle } from './app/opened-bundles';
import { followMenuCommand } from './app/menu-commands';

dayjs.locale('zh-cn');

// A .zwb the desktop shell was asked to open goes to 数据交换's import (the page reads no path).
desktop.onOpenBundle?.((file) => {
  receiveOpenedBundle(file);
  if (!window.location.hash.startsWith('#/exchange')) window.location.hash = '/exchange';
});
// The desktop's application menu (文件 → 导入交换文件, 打印…): to the page that holds the action.
desktop.onMenu?.(followMenuCommand);

/**
 * Colours with enough contrast for small text on white (WCAG AA, 4.5:1), checked by axe-core in
 * test/e2e/a11y.e2e.ts: antd's default link blue and its 45 % grey secondary text fall short.
 */
const THEME = {
  token: {
    colorPrimary: '#0b7a4b',
    colorPrimaryHover: '#0a6b41',
    colorLink: '#0a6b41',
    colorLinkHover: '#08512f',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
  },
  components: {
    Menu: { itemSelectedColor: '#08512f', itemHoverColor: '#08512f', itemActiveBg: '#e3f1ea', itemSelectedBg: '#e3f1ea' },
  },
};

function Root() {
  const reduced = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={zhCN} theme={{ ...THEME, token: { ...THEME.token, motion: !reduced } }} button={{ autoInsertSpace: false }}>
      {/* Notes appear below the header, clear of a drawer's title and close button. */}
      <AntApp message={{ top: 72, maxCount: 3 }}>
        <App />
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 节点');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
