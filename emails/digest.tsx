// The daily or weekly digest, read in two minutes: the big picture, each development (summary, at most
// two attributed quotes, key points that add something, sources), background reports that arrived late,
// what's next, and the state of play with the five most recent happenings.
import { Heading, Section, Text } from '@react-email/components';
import { presentIssue, shortDate } from '../functions/domain/issues/presentation';
import type { IssueContent } from '../functions/domain/issues/types';
import type { Frequency } from '../functions/domain/subscribers/types';
import { DevelopmentSection } from './components/development';
import { Layout } from './components/layout';
import { ListFooter } from './components/list-footer';
import { StateOfPlaySection, WhatsNext } from './components/state-of-play';
import { body, h1, h2, meta } from './components/styles';
import { EXAMPLE_DEVELOPMENT, previewContentFrom, previewLinks } from './preview-fixtures';

export interface DigestEmailProps {
  content: IssueContent;
  frequencies: Frequency[];
  archiveUrl: string;
  storyUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

export function DigestEmail({ content, frequencies, archiveUrl, storyUrl, ...links }: DigestEmailProps) {
  const view = presentIssue('digest', content);
  const label = frequencies.length === 1 && frequencies[0] === 'weekly' ? 'Weekly digest' : 'Daily digest';
  const count = view.news.length;
  const since = content.coveredSince ? ` since ${shortDate(content.coveredSince)}` : '';
  return (
    <Layout
      kicker={label}
      preview={view.bigPicture.join(' ')}
      footer={
        <ListFooter
          reason={`You get this ${label.toLowerCase()} because you subscribed to ${content.topicTitle} on Talkwatch.`}
          archiveUrl={archiveUrl}
          {...links}
        />
      }
    >
      <Heading as="h1" style={h1}>
        {content.topicTitle}
      </Heading>
      <Text className="tw-muted" style={meta}>
        {shortDate(content.coveredUntil)} · {count} new development{count === 1 ? '' : 's'}
        {since}
      </Text>
      <Heading as="h2" style={h2}>
        The big picture
      </Heading>
      {view.bigPicture.map((s) => (
        <Text key={s} style={body}>
          {s}
        </Text>
      ))}
      {view.news.length > 0 && (
        <Heading as="h2" style={h2}>
          What happened
        </Heading>
      )}
      {view.news.map((d) => (
        <DevelopmentSection key={d.id} development={d} />
      ))}
      {view.background.length > 0 && (
        <Section>
          <Heading as="h2" style={h2}>
            Background
          </Heading>
          <Text className="tw-muted" style={{ ...meta, fontSize: '14px' }}>
            Earlier reports that reached us since your last issue. They change nothing above.
          </Text>
          {view.background.map((d) => (
            <DevelopmentSection key={d.id} development={d} brief />
          ))}
        </Section>
      )}
      <WhatsNext lines={view.whatsNext} />
      <StateOfPlaySection proposals={view.proposals} timeline={view.timeline} storyUrl={storyUrl} />
    </Layout>
  );
}

DigestEmail.PreviewProps = {
  content: previewContentFrom([EXAMPLE_DEVELOPMENT], 'digest'),
  frequencies: ['daily'],
  archiveUrl: 'http://localhost:3000/archive/preview',
  storyUrl: 'http://localhost:3000/topics/us-russia-ukraine',
  ...previewLinks,
} satisfies DigestEmailProps;

export default DigestEmail;
