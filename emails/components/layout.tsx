// The frame every Talkwatch email shares: lang, viewport and colour-scheme declarations, dark-mode
// styles, preview text, a masthead, and a footer with why-you-get-this. The card is fluid up to 600 px,
// so nothing scrolls sideways on a 320 px phone.
import { Container, Head, Html, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { emailDarkCss, theme } from '../theme';

export interface LayoutProps {
  preview: string;
  children: ReactNode;
  footer?: ReactNode;
  /** Shown after "Talkwatch" in the masthead (the topic, or "Alert · topic"). */
  kicker?: string;
}

export function Layout({ preview, children, footer, kicker }: LayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{emailDarkCss}</style>
      </Head>
      {/* Not React Email's <Body>: it copies the background onto an inner cell without our class, which
          then stays light in dark mode. */}
      <body
        className="tw-bg tw-text"
        style={{ backgroundColor: theme.background, color: theme.text, fontFamily: theme.font, margin: 0 }}
      >
        {/* Preheader: the line inboxes show after the subject (React Email's <Preview> uses opacity and
            overflow, which Outlook for Windows does not support). */}
        <div style={{ display: 'none', maxHeight: 0, maxWidth: 0, fontSize: '1px', lineHeight: '1px' }}>
          {preview}
        </div>
        <table
          role="presentation"
          width="100%"
          cellPadding="0"
          cellSpacing="0"
          border={0}
          className="tw-bg"
          style={{ backgroundColor: theme.background }}
        >
          <tbody>
            <tr>
              <td
                className="tw-text"
                style={{ padding: '12px 0', fontFamily: theme.font, color: theme.text }}
              >
                <Container
                  className="tw-card tw-text"
                  style={{
                    width: '100%',
                    maxWidth: `${theme.width}px`,
                    backgroundColor: theme.card,
                    color: theme.text,
                  }}
                >
                  <Section style={{ padding: '20px 20px 8px' }}>
                    <Text
                      className="tw-link"
                      style={{
                        fontSize: '13px',
                        fontWeight: 700,
                        color: theme.accent,
                        margin: 0,
                        lineHeight: '20px',
                      }}
                    >
                      Talkwatch{kicker ? ` · ${kicker}` : ''}
                    </Text>
                  </Section>
                  <Section style={{ padding: '0 20px' }}>{children}</Section>
                  <Section
                    className="tw-rule"
                    style={{
                      padding: '12px 20px 20px',
                      borderTop: `1px solid ${theme.border}`,
                      marginTop: '8px',
                    }}
                  >
                    {footer ?? (
                      <Text className="tw-muted" style={{ fontSize: '12px', color: theme.muted, margin: 0 }}>
                        Talkwatch summarises negotiation news. You received this because this address was
                        entered on our subscribe form.
                      </Text>
                    )}
                  </Section>
                </Container>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </Html>
  );
}
