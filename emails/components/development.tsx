// One development as emails show it: headline, date and outlet, the summary, what the named speakers
// said (at most two), key points that add to the summary, and the sources.
import { Heading, Section, Text } from '@react-email/components';
import { type PresentedDevelopment, shortDate } from '../../functions/domain/issues/presentation';
import { theme } from '../theme';
import { body, h3, meta, small } from './styles';
import { TextLink } from './text-link';

export function Quotes({ quotes }: { quotes: PresentedDevelopment['quotes'] }) {
  return (
    <>
      {quotes.map((q) => (
        <Text
          key={q.text}
          className="tw-rule"
          style={{ ...body, paddingLeft: '12px', borderLeft: `3px solid ${theme.border}` }}
        >
          “{q.text}”
          <br />
          <span className="tw-muted" style={{ color: theme.muted, fontSize: '14px' }}>
            — {q.speaker}
          </span>
        </Text>
      ))}
    </>
  );
}

export function KeyPoints({ points }: { points: string[] }) {
  if (points.length === 0) return null;
  return (
    <Text style={body}>
      {points.map((p, i) => (
        <span key={p}>
          {i > 0 && <br />}• {p}
        </span>
      ))}
    </Text>
  );
}

export function Sources({ sources }: { sources: PresentedDevelopment['sources'] }) {
  return (
    <Text className="tw-muted" style={{ ...small, color: theme.muted }}>
      {sources.length === 1 ? 'Source' : 'Sources'}:{' '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 ? ', ' : ''}
          <TextLink href={s.url}>{s.name}</TextLink>
        </span>
      ))}
    </Text>
  );
}

/** `brief`: background reports show their headline, summary and sources only. */
export function DevelopmentSection({
  development: d,
  brief,
}: {
  development: PresentedDevelopment;
  brief?: boolean;
}) {
  return (
    <Section style={{ margin: '0 0 8px' }}>
      <Heading as="h3" style={h3}>
        {d.title}
      </Heading>
      <Text className="tw-muted" style={meta}>
        {shortDate(d.publishedAt)} · {d.source}
        {d.background ? ' · background' : ''}
      </Text>
      <Text style={body}>{d.summary}</Text>
      {!brief && <Quotes quotes={d.quotes} />}
      {!brief && <KeyPoints points={d.keyPoints} />}
      <Sources sources={d.sources} />
    </Section>
  );
}
