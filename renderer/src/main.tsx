import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import './styles.css';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 节点');
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#0b7a4b' } }} button={{ autoInsertSpace: false }}>
      {/* Notes appear below the header, clear of a drawer's title and close button. */}
      <AntApp message={{ top: 72, maxCount: 3 }}>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
