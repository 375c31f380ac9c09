// One development as emails show it: what happened, key points, who said what, and the sources.
import { Heading, Section, Text } from '@react-email/components';
import type { IssueDevelopment } from '../../functions/domain/issues/types';
import { theme } from '../theme';
import { TextLink } from './text-link';

export interface DevelopmentProps {
  development: IssueDevelopment;
  /** Heading level, so headings stay in order whatever the surrounding email. */
  as: 'h2' | 'h3';
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function DevelopmentSection({ development, as }: DevelopmentProps) {
  const { summary } = development;
  const sources = development.sources.length
    ? development.sources
    : [{ name: development.source, url: development.url, publishedAt: development.publishedAt }];
  return (
    <Section style={{ margin: '0 0 20px' }}>
      <Heading as={as} style={{ fontSize: as === 'h2' ? '19px' : '17px', margin: '0 0 4px' }}>
        {development.title}
      </Heading>
      <Text style={{ fontSize: '12px', color: theme.muted, margin: '0 0 8px' }}>
        {formatDate(development.publishedAt)} · {development.source}
      </Text>
      <Text style={{ margin: '0 0 8px' }}>{summary.summary}</Text>
      {summary.keyPoints.length > 0 && (
        <Text style={{ margin: '0 0 8px' }}>
          <strong>Key points</strong>
          {summary.keyPoints.map((point) => (
            <span key={point}>
              <br />• {point}
            </span>
          ))}
        </Text>
      )}
      {summary.quotes.map((quote) => (
        <Text
          key={quote.text}
          style={{ margin: '0 0 8px', paddingLeft: '12px', borderLeft: `3px solid ${theme.border}` }}
        >
          “{quote.text}”<br />
          <span style={{ color: theme.muted, fontSize: '13px' }}>
            — {quote.speaker ?? 'speaker not named'}
          </span>
        </Text>
      ))}
      <Text style={{ fontSize: '13px', margin: 0 }}>
        Sources:{' '}
        {sources.map((s, i) => (
          <span key={s.url}>
            {i > 0 ? ', ' : ''}
            <TextLink href={s.url}>{s.name}</TextLink>
          </span>
        ))}
      </Text>
    </Section>
  );
}
