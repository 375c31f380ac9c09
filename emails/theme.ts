// One theme for every email: colours and type that read well in Gmail, Outlook and Apple Mail.
export const theme = {
  font: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  text: '#1f2933',
  muted: '#52606d',
  accent: '#0b5cad',
  border: '#d9e2ec',
  background: '#f5f7fa',
  card: '#ffffff',
  width: 600,
} as const;
