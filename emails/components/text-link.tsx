// A plain underlined link. React Email's <Link> adds target="_blank" and text-decoration-line, which
// caniemail reports as unsupported in Gmail and Outlook for Windows.
import type { ReactNode } from 'react';
import { theme } from '../theme';

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="tw-link" style={{ color: theme.accent, textDecoration: 'underline' }}>
      {children}
    </a>
  );
}
