// One theme for every email and page: colours and type that read well in Gmail, Outlook and Apple Mail,
// in light and dark. Every text colour meets WCAG AA (4.5:1) on the surface it sits on (checked by the
// browser tests in tests/e2e/).
export const theme = {
  font: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  text: '#1f2933',
  muted: '#52606d',
  accent: '#0b5cad',
  onAccent: '#ffffff',
  border: '#d9e2ec',
  background: '#f1f4f8',
  card: '#ffffff',
  width: 600,
  dark: {
    text: '#e6e9ed',
    muted: '#a9b4c0',
    accent: '#8ab4f8',
    onAccent: '#0d1b2a',
    border: '#3a4450',
    background: '#0f1318',
    card: '#1a1f26',
  },
} as const;

const d = theme.dark;

/**
 * Dark-mode rules for the email <head>. Apple Mail and iOS Mail apply `prefers-color-scheme`;
 * Outlook.com marks the elements it recolours with `data-ogsc` (text) and `data-ogsb` (backgrounds),
 * so the same classes are repeated under those selectors. Gmail's apps invert colours themselves.
 */
export const emailDarkCss = [
  ':root{color-scheme:light dark;supported-color-schemes:light dark}',
  '@media (prefers-color-scheme:dark){',
  rules(''),
  '}',
  rules('[data-ogsc] ', 'text'),
  rules('[data-ogsb] ', 'background'),
].join('');

function rules(prefix: string, only?: 'text' | 'background'): string {
  const text = [
    `${prefix}.tw-text{color:${d.text} !important}`,
    `${prefix}.tw-muted{color:${d.muted} !important}`,
    `${prefix}.tw-link{color:${d.accent} !important}`,
    `${prefix}.tw-btn{color:${d.onAccent} !important}`,
  ];
  const background = [
    `${prefix}.tw-bg{background-color:${d.background} !important}`,
    `${prefix}.tw-card{background-color:${d.card} !important}`,
    `${prefix}.tw-btn{background-color:${d.accent} !important}`,
    `${prefix}.tw-rule{border-color:${d.border} !important}`,
  ];
  if (only === 'text') return text.join('');
  if (only === 'background') return background.join('');
  return [...background, ...text].join('');
}
