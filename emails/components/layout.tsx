// The frame every Talkwatch email shares: lang, preview text, header, footer with why-you-get-this.
import { Body, Container, Head, Hr, Html, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { theme } from '../theme';

export interface LayoutProps {
  preview: string;
  children: ReactNode;
  footer?: ReactNode;
}

export function Layout({ preview, children, footer }: LayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Body
        style={{ backgroundColor: theme.background, fontFamily: theme.font, color: theme.text, margin: 0 }}
      >
        {/* Preheader: the line inboxes show after the subject (React Email's <Preview> uses opacity and
            overflow, which Outlook for Windows does not support). */}
        <div style={{ display: 'none', maxHeight: 0, maxWidth: 0, fontSize: '1px', lineHeight: '1px' }}>
          {preview}
        </div>
        <Container style={{ maxWidth: `${theme.width}px`, backgroundColor: theme.card, padding: '24px' }}>
          <Text style={{ fontSize: '14px', fontWeight: 700, color: theme.accent, margin: '0 0 16px' }}>
            Talkwatch
          </Text>
          {children}
          <Hr style={{ borderColor: theme.border, margin: '24px 0 12px' }} />
          <Section>
            {footer ?? (
              <Text style={{ fontSize: '12px', color: theme.muted, margin: 0 }}>
                Talkwatch summarises negotiation news. You received this because this address was entered on
                our subscribe form.
              </Text>
            )}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
