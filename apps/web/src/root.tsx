import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Provider as MotionProvider } from 'rc-motion';
import { StrictMode, useContext, useEffect, useSyncExternalStore } from 'react';
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
  const still = usePrefersReducedMotion();
  return (
    <StrictMode>
      <PreloadContext.Provider value={preload}>
        <ConfigProvider locale={zhCN} theme={THEME}>
          {/* antd's dialogs, popovers, drawers, menus and toasts appear and go without motion when the
              device asks for reduced motion. Always in the tree, so a change of the setting re-renders
              them and remounts nothing (antd's own motion token would wrap the app anew). */}
          <MotionProvider motion={!still}>
            {/* Toasts below the 64 px header: on a phone they would otherwise cover its menu, bell and account buttons. */}
            <AntApp message={{ top: 72 }} notification={{ top: 72 }}>
              {router(<App />)}
            </AntApp>
          </MotionProvider>
        </ConfigProvider>
      </PreloadContext.Provider>
    </StrictMode>
  );
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** False on the server, which cannot know. */
const reducedMotionAsked = (): boolean => typeof window !== 'undefined' && window.matchMedia(REDUCED_MOTION).matches;

function watchReducedMotion(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Whether the device asks for reduced motion (iOS 减弱动态效果, Android 移除动画), followed live.
 * A server-rendered page hydrates with the browser's answer too: motion changes no markup (rc-motion
 * starts a motion after the first render), and a switch right after hydration would catch the
 * drawer a visitor's first touch opened mid-motion and leave it unseen.
 */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(watchReducedMotion, reducedMotionAsked, reducedMotionAsked);
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
