// Double opt-in: the only email a pending address ever gets.
import { Heading, Text } from '@react-email/components';
import { ButtonLink } from './components/button-link';
import { Layout } from './components/layout';
import { body, h1 } from './components/styles';
import { theme } from './theme';

export interface ConfirmEmailProps {
  confirmUrl: string;
  topicTitles: string[];
  frequency: 'instant' | 'daily' | 'weekly';
}

const frequencyText = {
  instant: 'instant alerts',
  daily: 'a daily digest',
  weekly: 'a weekly digest',
} as const;

export function ConfirmEmail({ confirmUrl, topicTitles, frequency }: ConfirmEmailProps) {
  return (
    <Layout
      preview="Confirm your Talkwatch subscription"
      footer={
        <Text className="tw-muted" style={{ fontSize: '13px', color: theme.muted, margin: 0 }}>
          If you did not ask for this, ignore this email: nothing will be sent unless the address is
          confirmed, and the link expires in 7 days.
        </Text>
      }
    >
      <Heading as="h1" style={h1}>
        Confirm your subscription
      </Heading>
      <Text style={body}>
        Someone, hopefully you, asked Talkwatch to send {frequencyText[frequency]} about:{' '}
        {topicTitles.join(', ')}.
      </Text>
      <ButtonLink href={confirmUrl}>Confirm subscription</ButtonLink>
      <Text className="tw-muted" style={{ fontSize: '13px', lineHeight: '20px', color: theme.muted }}>
        Or paste this link into your browser:
        <br />
        {/* A long token never wraps by itself: without this the email is wider than a phone. */}
        <span style={{ wordBreak: 'break-all' }}>{confirmUrl}</span>
      </Text>
    </Layout>
  );
}

ConfirmEmail.PreviewProps = {
  confirmUrl: 'http://localhost:3000/confirm?token=preview',
  topicTitles: ['US–Russia–Ukraine peace talks'],
  frequency: 'daily',
} satisfies ConfirmEmailProps;

export default ConfirmEmail;
