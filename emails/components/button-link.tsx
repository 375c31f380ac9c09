// A call-to-action link styled as a button, using only CSS caniemail reports as supported in Gmail,
// Outlook for Windows and Apple Mail (no border-radius, no target attribute).
import type { ReactNode } from 'react';
import { theme } from '../theme';

export function ButtonLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="tw-btn"
      style={{
        display: 'inline-block',
        backgroundColor: theme.accent,
        color: theme.onAccent,
        padding: '12px 20px',
        fontWeight: 600,
        textDecoration: 'none',
      }}
    >
      {children}
    </a>
  );
}
