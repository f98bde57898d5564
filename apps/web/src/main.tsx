// antd 5 renders its static pieces (wave effect, message holders) with React 19 only through this patch.
import '@ant-design/v5-patch-for-react-19';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { THEME } from './theme';
import './styles.css';

// The date pickers' month and weekday names, weeks from Monday.
dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME}>
      {/* Toasts below the 64 px header: on a phone they would otherwise cover its menu, bell and account buttons. */}
      <AntApp message={{ top: 72 }} notification={{ top: 72 }}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
