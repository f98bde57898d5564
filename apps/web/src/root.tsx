import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useContext, useEffect } from 'react';
import type { ReactNode } from 'react';
import { App } from './App';
import { PreloadContext } from './preload';
import type { PreloadStore } from './preload';
import { THEME } from './theme';

// The date pickers' month and weekday names, weeks from Monday.
dayjs.locale('zh-cn');

/** The event the portal's boot script waits for before it replays a click held while the page hydrated. */
export const HYDRATED_EVENT = 'smedx:hydrated';

/**
 * The whole UI under a router: the browser's (`main.tsx`) or the server's (`entry-server.tsx`).
 * Both render this same tree, so a page rendered on the server hydrates in the browser.
 */
export function Root({ router, preload }: { router: (app: ReactNode) => ReactNode; preload: PreloadStore | null }) {
  return (
    <StrictMode>
      <PreloadContext.Provider value={preload}>
        <ConfigProvider locale={zhCN} theme={THEME}>
          {/* Toasts below the 64 px header: on a phone they would otherwise cover its menu, bell and account buttons. */}
          <AntApp message={{ top: 72 }} notification={{ top: 72 }}>
            {router(<App />)}
          </AntApp>
        </ConfigProvider>
      </PreloadContext.Provider>
    </StrictMode>
  );
}

/**
 * Called by the visitor's frame: once the server-rendered page has hydrated, the preloaded answers
 * are spent (pages fetch from then on) and the boot script is told, so it replays a held click.
 */
export function useHydratedSignal(): void {
  const store = useContext(PreloadContext);
  useEffect(() => {
    if (!store || store.spent) return;
    store.spent = true;
    window.dispatchEvent(new Event(HYDRATED_EVENT));
  }, [store]);
}
