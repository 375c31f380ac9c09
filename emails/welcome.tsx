// Sent once an address is confirmed: what to expect, and how to change or stop it.
import { Heading, Text } from '@react-email/components';
import type { StateOfPlay } from '../functions/domain/developments/types';
import { Layout } from './components/layout';
import { StateOfPlaySection } from './components/state-of-play';
import { TextLink } from './components/text-link';
import { previewStateOfPlay } from './preview-data';
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
        <Text style={{ fontSize: '12px', color: theme.muted, margin: 0 }}>
          You get this because you confirmed a Talkwatch subscription.{' '}
          <TextLink href={preferencesUrl}>Manage preferences</TextLink> ·{' '}
          <TextLink href={unsubscribeUrl}>Unsubscribe</TextLink>
        </Text>
      }
    >
      <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 12px' }}>
        Welcome to Talkwatch
      </Heading>
      <Text>You are subscribed to: {topicTitles.join(', ')}.</Text>
      <Text>{whatNext[frequency]}</Text>
      <Text>
        Change topics or frequency, pause, download or delete your data at any time from your{' '}
        <TextLink href={preferencesUrl}>preference centre</TextLink>.
      </Text>
      {stateOfPlay && <StateOfPlaySection state={stateOfPlay} limit={5} />}
    </Layout>
  );
}

WelcomeEmail.PreviewProps = {
  topicTitles: ['US–Russia–Ukraine peace talks'],
  frequency: 'daily',
  preferencesUrl: 'http://localhost:3000/preferences?token=preview',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=preview',
  stateOfPlay: previewStateOfPlay(),
} satisfies WelcomeEmailProps;

export default WelcomeEmail;
