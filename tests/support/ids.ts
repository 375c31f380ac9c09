// Subscriber ids as the test deps compute them: keyed with the test secrets' SUBSCRIBER_ID_KEY unless
// another key (a local stack's own) is given.
import { subscriberIdFor as keyedId } from '../../functions/domain/subscribers/email';
import { TEST_SECRETS } from './env';

export function subscriberIdFor(email: string, key: string = TEST_SECRETS.SUBSCRIBER_ID_KEY): string {
  return keyedId(email, key);
}
