/** @jsxImportSource hono/jsx */
// The one-message pages of the subscribe, confirm and unsubscribe flows. Wording never says whether
// an address is known: "check your inbox" is the answer for every address.
import { MessagePage, render } from './layout';

export const checkInboxPage = () =>
  render(
    <MessagePage title="Check your inbox">
      <p>
        If the address can receive mail, a confirmation link is on its way. Open it within 7 days to start
        your subscription; nothing is sent until you do.
      </p>
      <p>
        No email after a few minutes? Check your spam folder, or <a href="/">try again</a>.
      </p>
    </MessagePage>,
  );

export const tooManyRequestsPage = (retryAfterSeconds: number) =>
  render(
    <MessagePage title="Too many requests">
      <p>
        Please wait{' '}
        {retryAfterSeconds < 90
          ? `${retryAfterSeconds} seconds`
          : `${Math.ceil(retryAfterSeconds / 60)} minutes`}{' '}
        and try again.
      </p>
    </MessagePage>,
  );

export const invalidLinkPage = () =>
  render(
    <MessagePage title="This link is not valid">
      <p>
        The link may be incomplete (some email programs break long links) or no longer in use. Copy the whole
        link from the email into your browser, or <a href="/">subscribe again</a>.
      </p>
    </MessagePage>,
  );

export const confirmPromptPage = (token: string) =>
  render(
    <MessagePage title="Confirm your subscription">
      <p>One more click and you are subscribed.</p>
      <form method="post" action="/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm my subscription</button>
      </form>
    </MessagePage>,
  );

const WHAT_NEXT = {
  instant: 'Alerts arrive as soon as something significant happens.',
  daily: 'Your first daily digest arrives with the next edition.',
  weekly: 'Your first weekly digest arrives at the end of the week.',
} as const;

export const confirmedPage = (props: {
  topicTitles: string[];
  frequency: keyof typeof WHAT_NEXT;
  preferencesUrl: string;
}) =>
  render(
    <MessagePage title="You are subscribed">
      <p>Thank you for confirming. You will hear about: {props.topicTitles.join(', ')}.</p>
      <p>
        {WHAT_NEXT[props.frequency]} A welcome email with your preference and unsubscribe links is on its way.
      </p>
      <p>
        <a href={props.preferencesUrl}>Change topics, frequency or pause</a>
      </p>
    </MessagePage>,
  );

export const confirmExpiredPage = (token: string) =>
  render(
    <MessagePage title="This confirmation link has expired">
      <p>Confirmation links work for 7 days. We can send you a new one.</p>
      <form method="post" action="/confirm">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="action" value="resend" />
        <button type="submit">Send me a new confirmation email</button>
      </form>
    </MessagePage>,
  );

export const confirmInvalidPage = () =>
  render(
    <MessagePage title="This confirmation link cannot be used">
      <p>
        It has been used already, or a newer confirmation email replaced it. If you confirmed before, you are
        subscribed and nothing more is needed.
      </p>
      <p>
        Otherwise, <a href="/">enter your address again</a> and we will send a new confirmation email.
      </p>
    </MessagePage>,
  );

export const resendRequestedPage = () =>
  render(
    <MessagePage title="Check your inbox">
      <p>If this subscription is still waiting for confirmation, a new confirmation email is on its way.</p>
    </MessagePage>,
  );

export const unsubscribePromptPage = (action: string) =>
  render(
    <MessagePage title="Unsubscribe from Talkwatch">
      <p>You will stop getting every Talkwatch email at once.</p>
      <form method="post" action={action}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">Unsubscribe</button>
      </form>
    </MessagePage>,
  );

export const unsubscribedPage = (preferencesUrl: string) =>
  render(
    <MessagePage title="You are unsubscribed">
      <p>You will not get any more Talkwatch emails.</p>
      <p>
        Unsubscribed by mistake? <a href={preferencesUrl}>Resubscribe or change what you get</a>.
      </p>
    </MessagePage>,
  );

export const deletedPage = () =>
  render(
    <MessagePage title="Your data is deleted">
      <p>
        We removed your subscription and everything stored with it. We keep only a one-way fingerprint of the
        address, so that nobody, not even an import, can add it to the list again.
      </p>
    </MessagePage>,
  );
