// The daily or weekly digest: what changed since this cohort's last issue (each development with its
// summary, key points, quotes and sources), then the state of play and the timeline.
import { Heading, Text } from '@react-email/components';
import type { IssueContent } from '../functions/domain/issues/types';
import type { Frequency } from '../functions/domain/subscribers/types';
import { DevelopmentSection, formatDate } from './components/development';
import { Layout } from './components/layout';
import { ListFooter } from './components/list-footer';
import { StateOfPlaySection } from './components/state-of-play';
import { previewContent, previewLinks } from './preview-data';
import { theme } from './theme';

export interface DigestEmailProps {
  content: IssueContent;
  frequencies: Frequency[];
  archiveUrl: string;
  greeting: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

export function DigestEmail({ content, frequencies, archiveUrl, greeting, ...links }: DigestEmailProps) {
  const label = frequencies.length === 1 && frequencies[0] === 'weekly' ? 'Weekly digest' : 'Digest';
  const count = content.developments.length;
  return (
    <Layout
      preview={`${count} new development${count === 1 ? '' : 's'}: ${content.developments[0]?.title ?? ''}`}
      footer={
        <ListFooter
          reason={`You get this ${label.toLowerCase()} because you subscribed to ${content.topicTitle} on Talkwatch.`}
          archiveUrl={archiveUrl}
          {...links}
        />
      }
    >
      <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 4px' }}>
        {content.topicTitle}
      </Heading>
      <Text style={{ color: theme.muted, margin: '0 0 16px' }}>
        {label}
        {content.coveredSince ? ` · since ${formatDate(content.coveredSince)}` : ''} · {count} new development
        {count === 1 ? '' : 's'}
      </Text>
      <Text>{greeting}</Text>
      <Heading as="h2" style={{ fontSize: '19px', margin: '16px 0 12px' }}>
        What changed
      </Heading>
      {content.developments.map((d) => (
        <DevelopmentSection key={d.id} development={d} as="h3" />
      ))}
      {content.stateOfPlay && <StateOfPlaySection state={content.stateOfPlay} />}
    </Layout>
  );
}

DigestEmail.PreviewProps = {
  content: previewContent('digest'),
  frequencies: ['daily'],
  archiveUrl: 'http://localhost:3000/archive/preview',
  greeting: 'Hello,',
  ...previewLinks,
} satisfies DigestEmailProps;

export default DigestEmail;
