import type { ThemeConfig } from 'antd';

/**
 * The UI's antd theme, shared by the app (`main.tsx`) and the build's static style extraction
 * (`vite.config.ts`): the extracted stylesheet only stands in for antd's runtime styles while both
 * hash the same theme.
 */
export const THEME: ThemeConfig = {
  // A primary blue and secondary greys dark enough for text on white (WCAG AA, 4.5:1).
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  },
};
