/** @jsxImportSource hono/jsx */
// GET/POST /preferences?token=…: the preference centre. Each action is its own small form posting
// back to the same URL, so it works without JavaScript and without an account.
import type { Topic } from '../../domain/subscribers/topics';
import { FREQUENCIES, type Subscriber } from '../../domain/subscribers/types';
import { MessagePage, Page, render } from './layout';
import { frequencyLabel, TopicChoice } from './subscribe-page';

export function preferencesPage(props: {
  subscriber: Subscriber;
  topics: readonly Topic[];
  action: string;
  notice?: string;
  error?: { field: string; message: string };
}) {
  const { subscriber: s, topics, action, notice, error } = props;
  const state =
    s.status === 'unsubscribed'
      ? 'You are unsubscribed and get no emails.'
      : s.status === 'pending'
        ? 'Your subscription is waiting for you to confirm it from the email we sent.'
        : s.paused
          ? 'Your emails are paused.'
          : 'Your subscription is active.';
  return render(
    <Page title={error ? 'Error: Your preferences' : 'Your preferences'}>
      <h1>Your preferences</h1>
      <p>
        For <strong>{s.email}</strong>. {state}
      </p>
      {notice && (
        <p role="status" class="summary" style="border-color:var(--accent)">
          {notice}
        </p>
      )}
      {error && (
        <div class="summary" role="alert">
          <p>
            <a href="#prefs">{error.message}</a>
          </p>
        </div>
      )}
      {s.status === 'unsubscribed' && s.consent.confirmed && (
        <form method="post" action={action}>
          <input type="hidden" name="action" value="resubscribe" />
          <button type="submit">Resubscribe</button>
        </form>
      )}
      <form method="post" action={action} id="prefs">
        <input type="hidden" name="action" value="save" />
        <fieldset aria-describedby={error?.field === 'topics' ? 'topics-error' : undefined}>
          <legend>Topics</legend>
          {error?.field === 'topics' && (
            <p class="error" id="topics-error">
              {error.message}
            </p>
          )}
          {topics.map((t) => (
            <TopicChoice key={t.id} topic={t} checked={s.topics.includes(t.id)} />
          ))}
        </fieldset>
        <fieldset>
          <legend>How often</legend>
          {FREQUENCIES.map((f) => (
            <div class="choice" key={f}>
              <input
                type="radio"
                id={`frequency-${f}`}
                name="frequency"
                value={f}
                checked={f === s.frequency}
              />
              <label for={`frequency-${f}`}>{frequencyLabel[f]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">Save preferences</button>
      </form>
      <h2>More</h2>
      <div class="actions">
        {s.status === 'active' && (
          <form method="post" action={action}>
            <input type="hidden" name="action" value={s.paused ? 'resume' : 'pause'} />
            <button type="submit" class="secondary">
              {s.paused ? 'Resume emails' : 'Pause emails'}
            </button>
          </form>
        )}
        <form method="post" action={action}>
          <input type="hidden" name="action" value="export" />
          <button type="submit" class="secondary">
            Download my data (JSON)
          </button>
        </form>
        <form method="post" action={action}>
          <input type="hidden" name="action" value="delete" />
          <button type="submit" class="secondary">
            Delete my data…
          </button>
        </form>
      </div>
    </Page>,
  );
}

export function confirmDeletePage(action: string) {
  return render(
    <MessagePage title="Delete your data?">
      <p>
        This removes your subscription and everything we store about you. You will get no more emails, and the
        address cannot be subscribed again.
      </p>
      <div class="actions">
        <form method="post" action={action}>
          <input type="hidden" name="action" value="delete-confirmed" />
          <button type="submit" class="danger">
            Delete my data
          </button>
        </form>
        <a href={action}>Keep my subscription</a>
      </div>
    </MessagePage>,
  );
}
