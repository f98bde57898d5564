import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createElement } from 'react';
import type { ComponentType } from 'react';
import { defineConfig } from 'vite';
import type { BuildEnvironmentOptions, Plugin } from 'vite';
import { THEME } from './src/theme';

/**
 * The antd components a visitor's first screen shows on the portal's pages (home, search, a
 * solution, a need): their styles go into the build's stylesheet. Others (the workbench's tables,
 * pickers, charts' frames) are still styled by antd's runtime when first shown.
 */
const PORTAL_COMPONENTS = [
  'Alert',
  'App',
  'Badge',
  'Breadcrumb',
  'Button',
  'Card',
  'Col',
  'Descriptions',
  'Divider',
  'Empty',
  'Form',
  'Input',
  'InputNumber',
  'Layout',
  'List',
  'Pagination',
  'Result',
  'Row',
  'Select',
  'Skeleton',
  'Space',
  'Spin',
  'Tabs',
  'Tag',
  'Typography',
] as const;

/**
 * antd's styles for the portal's components extracted at build time into one hashed stylesheet
 * linked from index.html, so a phone does not compute and inject them at start: antd's runtime finds
 * each component's styles listed in the sheet (its `data-ant-cssinjs-cache-path` map) and skips
 * generating them. Same antd, same theme (`src/theme.ts`), same hashes; the development server keeps
 * the runtime styles.
 */
function antdStaticStyle(): Plugin {
  let href = '';
  return {
    name: 'smedx-antd-static-style',
    apply: 'build',
    buildStart() {
      // Loaded here, not at the top: antd's class hashes read NODE_ENV when first loaded, and the
      // build has set it to production by now.
      const require = createRequire(import.meta.url);
      const cssinjs = require('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');
      const antd = require('antd') as typeof import('antd');
      const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
      const cache = cssinjs.createCache();
      renderToString(
        createElement(
          cssinjs.StyleProvider,
          { cache },
          createElement(
            antd.ConfigProvider,
            { theme: THEME },
            ...PORTAL_COMPONENTS.map((name) => createElement(antd[name] as ComponentType, { key: name })),
            // Styled even while closed or through a colour's own sheet: the phone menu's drawer, the blue tags.
            createElement(antd.Drawer, { key: 'Drawer', open: false }),
            createElement(antd.Tag, { key: 'TagBlue', color: 'blue' }),
          ),
        ),
      );
      const css = cssinjs.extractStyle(cache, true);
      if (!css.includes('data-ant-cssinjs-cache-path') || css.includes('css-dev-only')) {
        throw new Error('antd static style: extraction did not produce production styles with their cache map');
      }
      const fileName = `assets/antd-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
      href = `/${fileName}`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml() {
      return [{ tag: 'link', attrs: { rel: 'stylesheet', href }, injectTo: 'head-prepend' }];
    },
  };
}

/** The API in development (`npm start` listens on 3000); the built UI is served by the API itself. */
const api = process.env.SMEDX_API_URL ?? 'http://localhost:3000';

/** The server's renderer of the portal's pages. */
const SERVER_BUILD: BuildEnvironmentOptions = {
  outDir: 'dist-ssr',
  emptyOutDir: true,
  chunkSizeWarningLimit: 6000,
  rollupOptions: { input: { 'entry-server': fileURLToPath(new URL('./src/entry-server.tsx', import.meta.url)) } },
};

/** The browser's app and the portal's boot script. */
const BROWSER_BUILD: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: true,
  // The API reads which files are the app's entry and the boot script from here.
  manifest: true,
  rollupOptions: {
    input: {
      index: fileURLToPath(new URL('./index.html', import.meta.url)),
      boot: fileURLToPath(new URL('./src/boot.ts', import.meta.url)),
    },
  },
  // antd and echarts each land in their own chunk, well above the default warning size.
  chunkSizeWarningLimit: 1200,
};

/**
 * Two builds: the browser's (`dist`: the app, and `boot` — the one small script a server-rendered portal
 * page loads at first, see src/boot.ts) and, with `--ssr`, the server's renderer of the portal's pages
 * (`dist-ssr/entry-server.js`, everything bundled in, loaded by the API: apps/api/src/http/web-ui.ts).
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: isSsrBuild ? [react()] : [react(), antdStaticStyle()],
  resolve: {
    // The contract shared with the server (types, pure rules, state tables): libs/contracts, no Node code.
    alias: [
      { find: /^@smedx\/contracts$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
      { find: /^@smedx\/contracts\/(.*)$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/$1', import.meta.url)) },
    ],
  },
  // The server's renderer carries its own React and antd: it runs from any working directory, in
  // production mode whatever the API's NODE_ENV (antd's class names must be the stylesheet's).
  ssr: { noExternal: true },
  ...(isSsrBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: isSsrBuild ? SERVER_BUILD : BROWSER_BUILD,
  server: {
    proxy: {
      '/api': api,
      '/health': api,
    },
  },
}));
