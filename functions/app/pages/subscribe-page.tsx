/** @jsxImportSource hono/jsx */
// GET / (and POST /subscribe with a mistake): the subscribe form. Works without JavaScript; every
// field has a label, errors are listed first and tied to their field with aria-describedby, and the
// `website` honeypot is off-screen, out of the tab order and hidden from assistive technology.
import { firstSentence, presentIssue, shortDate } from '../../domain/issues/presentation';
import type { Issue } from '../../domain/issues/types';
import type { Topic } from '../../domain/subscribers/topics';
import { FREQUENCIES, type Frequency } from '../../domain/subscribers/types';
import { Page, render } from './layout';

export interface SubscribeFormValues {
  email?: string;
  topics?: string[];
  frequency?: Frequency;
}

export interface FieldError {
  field: string;
  message: string;
}

const frequencyLabel: Record<Frequency, string> = {
  instant: 'Instant alerts, when something significant happens',
  daily: 'A daily digest',
  weekly: 'A weekly digest',
};

export function subscribePage(
  topics: readonly Topic[],
  values: SubscribeFormValues = {},
  error?: FieldError,
  latest?: Issue,
) {
  // Nothing is ticked for the reader: they choose what they want to hear about.
  const chosen = values.topics ?? [];
  const frequency = values.frequency ?? 'daily';
  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);
  const described = (field: string, hint?: string) =>
    [hint, errorFor(field) ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return render(
    <Page title={error ? 'Error: Subscribe' : 'Subscribe'} noindex={false}>
      <h1>Follow the negotiations that matter, by email</h1>
      <p>
        Talkwatch summarises each development — what changed, who said what, where the talks stand — and mails
        it to you. We confirm your address first, and every email has a one-click unsubscribe link.
      </p>
      {latest && !error && <LatestIssue issue={latest} />}
      {error && (
        <div class="summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <p>
            <a href={anchorFor(error.field, topics)}>{error.message}</a>
          </p>
        </div>
      )}
      <form method="post" action="/subscribe" novalidate>
        <div class="field">
          <label for="email">Email address</label>
          <p class="hint" id="email-hint">
            We only use it to send what you choose below.
          </p>
          {errorFor('email') && (
            <p class="error" id="email-error">
              {errorFor('email')}
            </p>
          )}
          <input
            type="email"
            id="email"
            name="email"
            autocomplete="email"
            spellcheck={false}
            required
            maxlength={254}
            value={values.email ?? ''}
            aria-describedby={described('email', 'email-hint')}
            aria-invalid={errorFor('email') ? 'true' : undefined}
            autofocus={error?.field === 'email'}
          />
        </div>
        <fieldset aria-describedby={described('topics')}>
          <legend>Topics</legend>
          {errorFor('topics') && (
            <p class="error" id="topics-error">
              {errorFor('topics')}
            </p>
          )}
          {topics.map((t) => (
            <TopicChoice key={t.id} topic={t} checked={chosen.includes(t.id)} />
          ))}
        </fieldset>
        <fieldset aria-describedby={described('frequency')}>
          <legend>How often</legend>
          {errorFor('frequency') && (
            <p class="error" id="frequency-error">
              {errorFor('frequency')}
            </p>
          )}
          {FREQUENCIES.map((f) => (
            <div class="choice" key={f}>
              <input
                type="radio"
                id={`frequency-${f}`}
                name="frequency"
                value={f}
                checked={f === frequency}
              />
              <label for={`frequency-${f}`}>{frequencyLabel[f]}</label>
            </div>
          ))}
        </fieldset>
        <div class="hp" aria-hidden="true">
          <label for="website">Leave this field empty</label>
          <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" value="" />
        </div>
        <button type="submit">Subscribe</button>
      </form>
    </Page>,
  );
}

/** A topic's checkbox with its one-line description tied to it. */
export function TopicChoice({ topic: t, checked }: { topic: Topic; checked: boolean }) {
  return (
    <div class="choice">
      <input
        type="checkbox"
        id={`topic-${t.id}`}
        name="topics"
        value={t.id}
        checked={checked}
        aria-describedby={t.description ? `topic-${t.id}-hint` : undefined}
      />
      <div>
        <label for={`topic-${t.id}`}>{t.title}</label>
        {t.description && (
          <span class="hint" id={`topic-${t.id}-hint`}>
            {t.description}
          </span>
        )}
      </div>
    </div>
  );
}

function LatestIssue({ issue }: { issue: Issue }) {
  const content = issue.content!;
  const lead = content.developments[0]?.summary.summary;
  const big = presentIssue(issue.kind, content).bigPicture[0] ?? (lead ? firstSentence(lead) : undefined);
  return (
    <section class="box" aria-labelledby="latest-issue">
      <p class="kicker" id="latest-issue">
        Latest issue · {shortDate(issue.createdAt)}
      </p>
      <h2 style="margin-top:.25rem">
        <a href={`/archive/${encodeURIComponent(issue.id)}`}>{content.subject}</a>
      </h2>
      {big && <p>{big}</p>}
      <p class="muted">
        <a href="/archive">All past issues</a> · <a href="/feed.xml">Atom feed</a>
      </p>
    </section>
  );
}

function anchorFor(field: string, topics: readonly Topic[]): string {
  if (field === 'topics') return `#topic-${topics[0]?.id ?? ''}`;
  if (field === 'frequency') return `#frequency-${FREQUENCIES[0]}`;
  return '#email';
}

export { frequencyLabel };
