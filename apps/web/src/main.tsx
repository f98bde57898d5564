// antd 5 renders its static pieces (wave effect, message holders) with React 19 only through this patch.
import '@ant-design/v5-patch-for-react-19';
import type { ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { tokenStore } from './api';
import type { PreloadStore } from './preload';
import { Root } from './root';
import './styles.css';

const container = document.getElementById('root')!;
// A portal page rendered on the server carries the API answers it was rendered with.
const data = document.getElementById('ssr-data');
const browser = (app: ReactNode) => <BrowserRouter>{app}</BrowserRouter>;

if (data && !tokenStore.get()) {
  // A visitor: the page becomes live where the server left it (same tree, same answers).
  const preload: PreloadStore = { answers: JSON.parse(data.textContent ?? '{}') as PreloadStore['answers'] };
  hydrateRoot(container, <Root router={browser} preload={preload} />);
} else {
  // Signed in (the server rendered a visitor's view) or a page the server does not render: drawn here.
  createRoot(container).render(<Root router={browser} preload={null} />);
  // Set by the boot script while a signed-in user's app loaded over a visitor's page (styles.css).
  delete document.documentElement.dataset.app;
}
