// Footer of every list email: why the reader gets it, the web version, and visible preference and
// unsubscribe links (RFC 8058 mail must also show one in the body).
import { Text } from '@react-email/components';
import { theme } from '../theme';
import { TextLink } from './text-link';

export interface ListFooterProps {
  reason: string;
  archiveUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

const small = { fontSize: '13px', lineHeight: '20px', color: theme.muted, margin: '0 0 6px' };

export function ListFooter({ reason, archiveUrl, preferencesUrl, unsubscribeUrl }: ListFooterProps) {
  return (
    <>
      <Text className="tw-muted" style={small}>
        {reason}
      </Text>
      <Text className="tw-muted" style={small}>
        <TextLink href={archiveUrl}>Read on the web</TextLink> ·{' '}
        <TextLink href={preferencesUrl}>Manage preferences</TextLink> ·{' '}
        <TextLink href={unsubscribeUrl}>Unsubscribe</TextLink>
      </Text>
    </>
  );
}
