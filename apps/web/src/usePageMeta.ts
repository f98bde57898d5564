import { useEffect } from 'react';
import { useServerHead } from './preload';

export const SITE = '沈阳市中小企业数字化转型供需对接平台';
export const DEFAULT_DESCRIPTION =
  '沈阳市中小企业数字化转型试点城市供需对接平台：小快轻准解决方案超市、需求大厅、服务商、供需对接活动与政策解读。';

/** Sets the page's `<title>` and meta description (shared links and search engines read them), restoring the site's on leave. */
export function usePageMeta(title: string | null | undefined, description?: string | null): void {
  const fullTitle = title ? `${title} - ${SITE}` : SITE;
  const fullDescription = (description ?? DEFAULT_DESCRIPTION).slice(0, 160);
  // Rendered on the server, the page's head is written into its HTML.
  useServerHead(fullTitle, fullDescription);
  useEffect(() => {
    document.title = fullTitle;
    const meta = document.querySelector('meta[name="description"]');
    meta?.setAttribute('content', fullDescription);
    return () => {
      document.title = SITE;
      meta?.setAttribute('content', DEFAULT_DESCRIPTION);
    };
  }, [fullTitle, fullDescription]);
}
