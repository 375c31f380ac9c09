// What the local stack does at start-up, in order, after the table exists and before the HTTP server
// listens. A step that starts something long-lived pushes its stop function onto `closers`.
import type { StartupStep } from './context';
import { startLocalDelivery } from './delivery';
import { seedDevelopments, startFeedPolling, startIngestConsumer } from './developments';

export const startupSteps: StartupStep[] = [
  // load data/developments, then summarise what webhooks and feeds receive
  seedDevelopments,
  startIngestConsumer,
  // dispatch and send consumers, unfinished issues resumed, the digest timer
  startLocalDelivery,
  // feed polling on a timer (FEEDS=on only)
  startFeedPolling,
];
