// An instant alert: one significant development, why it matters, and where the talks stand now.
import { Heading, Text } from '@react-email/components';
import type { IssueContent } from '../functions/domain/issues/types';
import { DevelopmentSection } from './components/development';
import { Layout } from './components/layout';
import { ListFooter } from './components/list-footer';
import { StateOfPlaySection } from './components/state-of-play';
import { previewContent, previewLinks } from './preview-data';
import { theme } from './theme';

export interface AlertEmailProps {
  content: IssueContent;
  archiveUrl: string;
  greeting: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

export function AlertEmail({ content, archiveUrl, greeting, ...links }: AlertEmailProps) {
  const development = content.developments[0];
  return (
    <Layout
      preview={development?.summary.summary.slice(0, 140) ?? content.subject}
      footer={
        <ListFooter
          reason={`You get instant alerts about ${content.topicTitle} because you asked for them on Talkwatch.`}
          archiveUrl={archiveUrl}
          {...links}
        />
      }
    >
      <Text style={{ color: theme.accent, fontWeight: 700, margin: '0 0 4px' }}>
        Alert · {content.topicTitle}
      </Text>
      <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 12px' }}>
        {development?.title ?? content.subject}
      </Heading>
      <Text>{greeting}</Text>
      {development && (
        <>
          {development.summary.significance.reasons.length > 0 && (
            <Text style={{ color: theme.muted }}>
              Why this matters: {development.summary.significance.reasons.join('; ')}
            </Text>
          )}
          <DevelopmentSection development={development} as="h2" />
        </>
      )}
      {content.stateOfPlay && <StateOfPlaySection state={content.stateOfPlay} limit={5} />}
    </Layout>
  );
}

AlertEmail.PreviewProps = {
  content: previewContent('alert'),
  archiveUrl: 'http://localhost:3000/archive/preview',
  greeting: 'Hello,',
  ...previewLinks,
} satisfies AlertEmailProps;

export default AlertEmail;
