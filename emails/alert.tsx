// An instant alert says one thing: the headline once, what happened, why it matters in a plain
// sentence, at most two attributed quotes, what's next and the source. No greeting, no scores.
import { Heading, Text } from '@react-email/components';
import { presentIssue, shortDate } from '../functions/domain/issues/presentation';
import type { IssueContent } from '../functions/domain/issues/types';
import { KeyPoints, Quotes, Sources } from './components/development';
import { Layout } from './components/layout';
import { ListFooter } from './components/list-footer';
import { WhatsNext } from './components/state-of-play';
import { body, h1, h2, meta, small } from './components/styles';
import { TextLink } from './components/text-link';
import { EXAMPLE_DEVELOPMENT, previewContentFrom, previewLinks } from './preview-fixtures';

export interface AlertEmailProps {
  content: IssueContent;
  archiveUrl: string;
  storyUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

export function AlertEmail({ content, archiveUrl, storyUrl, ...links }: AlertEmailProps) {
  const view = presentIssue('alert', content);
  const d = view.news[0] ?? view.background[0];
  return (
    <Layout
      kicker={`Alert · ${content.topicTitle}`}
      preview={d?.summary ?? content.subject}
      footer={
        <ListFooter
          reason={`You get instant alerts about ${content.topicTitle} because you asked for them on Talkwatch.`}
          archiveUrl={archiveUrl}
          {...links}
        />
      }
    >
      <Heading as="h1" style={h1}>
        {d?.title ?? content.subject}
      </Heading>
      {d && (
        <>
          <Text className="tw-muted" style={meta}>
            {shortDate(d.publishedAt)} · {d.source}
          </Text>
          <Heading as="h2" style={h2}>
            What happened
          </Heading>
          <Text style={body}>{d.summary}</Text>
          <KeyPoints points={d.keyPoints} />
          {d.whyItMatters && (
            <>
              <Heading as="h2" style={h2}>
                Why it matters
              </Heading>
              <Text style={body}>{d.whyItMatters}</Text>
            </>
          )}
          {d.quotes.length > 0 && (
            <>
              <Heading as="h2" style={h2}>
                Who said what
              </Heading>
              <Quotes quotes={d.quotes} />
            </>
          )}
        </>
      )}
      <WhatsNext lines={view.whatsNext} />
      {d && <Sources sources={d.sources} />}
      <Text style={small}>
        <TextLink href={storyUrl}>Where the talks stand: the full story so far</TextLink>
      </Text>
    </Layout>
  );
}

AlertEmail.PreviewProps = {
  content: previewContentFrom([EXAMPLE_DEVELOPMENT], 'alert'),
  archiveUrl: 'http://localhost:3000/archive/preview',
  storyUrl: 'http://localhost:3000/topics/us-russia-ukraine',
  ...previewLinks,
} satisfies AlertEmailProps;

export default AlertEmail;
