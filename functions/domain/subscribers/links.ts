// Every link that acts for one reader, and the list headers that carry them: built here and nowhere
// else, for issues and transactional emails alike. Links are signed per reader (see link-tokens.ts);
// the unsubscribe link is also the RFC 8058 one-click target. The subscriber tag comes back with SES
// bounces and complaints (see delivery/feedback.ts).
import { signSubscriberToken, type TokenKey } from './link-tokens';

export const SUBSCRIBER_TAG = 'subscriber';

export interface LinkSettings {
  publicUrl: string;
  mailDomain: string;
  tokenKeys: readonly TokenKey[];
}

export interface ReaderLinks {
  unsubscribeToken: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

/** Site-relative: the pages link to the preference centre on whichever host served them. */
export function preferencesPath(tokenKeys: readonly TokenKey[], subscriberId: string): string {
  return `/preferences?token=${signSubscriberToken(tokenKeys, 'preferences', subscriberId)}`;
}

export function unsubscribePath(token: string): string {
  return `/unsubscribe?token=${encodeURIComponent(token)}`;
}

export function readerLinks(
  settings: Pick<LinkSettings, 'publicUrl' | 'tokenKeys'>,
  subscriberId: string,
): ReaderLinks {
  const unsubscribeToken = signSubscriberToken(settings.tokenKeys, 'unsubscribe', subscriberId);
  return {
    unsubscribeToken,
    unsubscribeUrl: `${settings.publicUrl}${unsubscribePath(unsubscribeToken)}`,
    preferencesUrl: `${settings.publicUrl}${preferencesPath(settings.tokenKeys, subscriberId)}`,
  };
}

export function confirmUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/confirm?token=${encodeURIComponent(token)}`;
}

export interface ListHeaderOptions {
  /** The list's name and id: a topic for issues, the service for transactional mail. */
  list: { name: string; id: string };
  unsubscribeUrl: string;
  archiveUrl?: string;
}

/**
 * The headers Gmail and Yahoo require of bulk mail: RFC 2369 List-Id and List-Unsubscribe, RFC 8058
 * one-click. One-click https is the only List-Unsubscribe entry: there is deliberately no `mailto:`
 * entry (nothing receives mail for it, see README, Security; it would carry the token through mail
 * servers in a subject line; Gmail and Yahoo act on the https one).
 */
export function listHeaders(settings: Pick<LinkSettings, 'mailDomain'>, options: ListHeaderOptions) {
  return {
    'List-Id': `${asciiOnly(options.list.name)} <${options.list.id}.${settings.mailDomain}>`,
    'List-Unsubscribe': `<${options.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    ...(options.archiveUrl ? { 'List-Archive': `<${options.archiveUrl}>` } : {}),
  };
}

/** List-Id phrases are best kept ASCII: some filters choke on encoded words there. */
function asciiOnly(text: string): string {
  return text
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\<>]/g, '')
    .trim();
}
