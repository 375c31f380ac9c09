// What each feature needs done when the local stack starts, in order. Each hook gets the deps and the
// in-process queues; a hook that starts something long-lived pushes its stop function onto `closers`.
import { startLocalDelivery } from '../workers/local-delivery';
import { seedDevelopments, startFeedPolling, startIngestConsumer } from './developments';
import type { StartupContext } from './stack';

export type StartupHook = (ctx: StartupContext) => Promise<void>;

export const startupHooks: StartupHook[] = [
  // seed data/developments, summarise what webhooks and feeds receive (developments feature)
  seedDevelopments,
  startIngestConsumer,
  // wire queue consumers, resume unfinished issues, digest timers (delivery feature)
  startLocalDelivery,
  // in-process digest timers and feed polling (delivery and developments features)
  startFeedPolling,
];
