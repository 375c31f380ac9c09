// Wires subscribers/transactional.ts (confirm and welcome emails) to the deps and the
// email renderers. The send handler (handlers/send-handler.ts) calls it for `type: 'transactional'` messages.
import { renderConfirmEmail, renderWelcomeEmail } from '../../emails/render';
import type { WelcomeEmailProps } from '../../emails/welcome';
import type { Deps } from '../deps';
import type { TransactionalMessage } from '../domain/queue-messages';
import { deliverTransactional } from '../domain/subscribers/transactional';
import type { Mailer } from '../ports/mailer';
import { messageSettings } from '../use-case-ports';

export function transactionalSender(deps: Deps) {
  return (message: TransactionalMessage, mailer: Mailer) =>
    deliverTransactional(
      {
        subscribers: deps.subscribers,
        mailer,
        render: { confirm: renderConfirmEmail, welcome: (props) => welcomeWithStateOfPlay(deps, props) },
        topics: deps.topics,
        settings: { ...messageSettings(deps.config), idKey: deps.config.SUBSCRIBER_ID_KEY },
        log: (level, msg, details) => deps.logger[level](msg, details),
      },
      message,
    );
}

/** The welcome email shows where the talks stand now, when the developments store has a state of play. */
async function welcomeWithStateOfPlay(deps: Deps, props: WelcomeEmailProps) {
  const topic = deps.topics.find((t) => props.topicTitles.includes(t.title));
  const stateOfPlay = topic
    ? await deps.developments.getStateOfPlay(topic.id).catch(() => undefined)
    : undefined;
  return renderWelcomeEmail({ ...props, ...(stateOfPlay ? { stateOfPlay } : {}) });
}
