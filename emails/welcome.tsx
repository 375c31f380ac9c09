// Sent once an address is confirmed: what to expect, and how to change or stop it.
import { Heading, Text } from '@react-email/components';
import type { StateOfPlay } from '../functions/domain/developments/types';
import { proposalLine, recentTimeline } from '../functions/domain/issues/presentation';
import { Layout } from './components/layout';
import { StateOfPlaySection } from './components/state-of-play';
import { body, h1 } from './components/styles';
import { TextLink } from './components/text-link';
import { EXAMPLE_DEVELOPMENT, previewStateOfPlayFrom } from './preview-fixtures';
import { theme } from './theme';

export interface WelcomeEmailProps {
  topicTitles: string[];
  frequency: 'instant' | 'daily' | 'weekly';
  preferencesUrl: string;
  unsubscribeUrl: string;
  /** Where the talks stand now, so the first email is already useful. */
  stateOfPlay?: StateOfPlay;
}

const whatNext = {
  instant: 'You will get an alert as soon as something significant happens.',
  daily: 'Your first daily digest arrives with the next morning’s edition.',
  weekly: 'Your first weekly digest arrives at the end of the week.',
} as const;

export function WelcomeEmail({
  topicTitles,
  frequency,
  preferencesUrl,
  unsubscribeUrl,
  stateOfPlay,
}: WelcomeEmailProps) {
  return (
    <Layout
      preview="You are subscribed to Talkwatch"
      footer={
        <Text
          className="tw-muted"
          style={{ fontSize: '13px', lineHeight: '20px', color: theme.muted, margin: 0 }}
        >
          You get this because you confirmed a Talkwatch subscription.{' '}
          <TextLink href={preferencesUrl}>Manage preferences</TextLink> ·{' '}
          <TextLink href={unsubscribeUrl}>Unsubscribe</TextLink>
        </Text>
      }
    >
      <Heading as="h1" style={h1}>
        Welcome to Talkwatch
      </Heading>
      <Text style={body}>You are subscribed to: {topicTitles.join(', ')}.</Text>
      <Text style={body}>{whatNext[frequency]}</Text>
      <Text style={body}>
        Change topics or frequency, pause, download or delete your data at any time from your{' '}
        <TextLink href={preferencesUrl}>preference centre</TextLink>.
      </Text>
      {stateOfPlay && (
        <StateOfPlaySection
          proposals={stateOfPlay.proposals.slice(0, 3).map((p) => proposalLine(p, stateOfPlay))}
          timeline={recentTimeline(stateOfPlay, stateOfPlay.updatedAt)}
        />
      )}
    </Layout>
  );
}

WelcomeEmail.PreviewProps = {
  topicTitles: ['US–Russia–Ukraine peace talks'],
  frequency: 'daily',
  preferencesUrl: 'http://localhost:3000/preferences?token=preview',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=preview',
  stateOfPlay: previewStateOfPlayFrom([EXAMPLE_DEVELOPMENT]),
} satisfies WelcomeEmailProps;

export default WelcomeEmail;
