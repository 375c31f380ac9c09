// The IAM grants in cdk/constructs/table-access.ts must cover what each function's code really calls
// (or it fails in AWS with AccessDenied) and should be no wider. Each worker runs here against the
// emulator with every DynamoDB call recorded; the test fails on any action the function is not granted.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_ACCESS } from '../../../cdk/constructs/table-access';
import { RssFeedReader } from '../../../functions/adapters/feeds/rss-feed-reader';
import { ingestDevelopment, receiveDevelopment } from '../../../functions/domain/developments/ingest';
import { parseDevelopmentText } from '../../../functions/domain/developments/input';
import { createDispatchHandler } from '../../../functions/handlers/dispatch-handler';
import { createFeedbackHandler } from '../../../functions/handlers/feedback-handler';
import { createIngestHandler } from '../../../functions/handlers/ingest-handler';
import { createPollFeedsHandler } from '../../../functions/handlers/poll-feeds-handler';
import { createScheduleHandler } from '../../../functions/handlers/schedule-handler';
import { createSendHandler } from '../../../functions/handlers/send-handler';
import { seedSubscribers } from '../../support/delivery';
import { testDeps } from '../../support/env';
import { startFakeConverse, toolAnswer } from '../../support/fake-converse';

const ACTION = (command: string) => `dynamodb:${command.replace(/Command$/, '')}`;

async function recorded(overrides: Record<string, string> = {}) {
  const deps = await testDeps(overrides);
  const used = new Set<string>();
  // Both clients (the send path claims through `fast`), before either has sent the commands recorded.
  for (const client of [deps.dynamo.client, deps.dynamo.fast]) {
    client.middlewareStack.add(
      (next, context) => (args) => {
        used.add(ACTION(String(context.commandName)));
        return next(args);
      },
      { step: 'initialize', name: 'recordActions' },
    );
  }
  return { deps, used };
}

const granted = (name: keyof typeof TABLE_ACCESS) => [...TABLE_ACCESS[name]].sort();
const within = (used: Set<string>, name: keyof typeof TABLE_ACCESS) =>
  expect(
    [...used].filter((a) => !TABLE_ACCESS[name].includes(a as never)),
    name,
  ).toEqual([]);

let server: Server;
let feedUrl: string;
beforeAll(async () => {
  const feed = readFileSync('tests/fixtures/talks-feed.xml', 'utf8');
  server = createServer((_req, res) => res.writeHead(200).end(feed));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('each function calls only the table actions CDK grants it', () => {
  it('poll-feeds, then ingest (summary, near-duplicate merge, state of play)', async () => {
    const { deps, used } = await recorded();
    const [first] = deps.catalogue.topics;
    await createPollFeedsHandler({
      ...deps,
      feeds: new RssFeedReader({ allowAddress: () => true }),
      catalogue: { ...deps.catalogue, topics: [{ ...first!, feeds: [feedUrl] }] },
    })();
    within(used, 'poll-feeds');
    expect(used.size).toBeGreaterThan(0);

    used.clear();
    const seed = parseDevelopmentText(
      readFileSync('data/developments/2025-12-02-witkoff-putin-moscow.md', 'utf8'),
    );
    await ingestDevelopment({ ...deps, dispatch: deps.queues.dispatch, summariser: deps.summariser }, seed);
    // A copy from another outlet: received, then merged into the first by the consumer.
    const copy = { ...seed, url: 'https://copy.example/story', body: `${seed.body}\n\nCopyright Copy.` };
    await receiveDevelopment({ ...deps, dispatch: deps.queues.dispatch, ingest: deps.queues.ingest }, copy);
    used.clear();
    deps.queues.ingest.consume(createIngestHandler(deps));
    await deps.queues.ingest.idle();
    within(used, 'ingest');
    expect(used).toContain('dynamodb:DeleteItem');
  });

  it('ingest with model-written summaries (answers kept in the table)', async () => {
    const converse = await startFakeConverse();
    try {
      const { deps, used } = await recorded({ SUMMARISER: 'bedrock', BEDROCK_ENDPOINT: converse.url });
      converse.otherwise(
        toolAnswer({ headline: 'Too short.', keyPoints: [], whatsNext: null, speakers: [] }),
      );
      const seed = parseDevelopmentText(
        readFileSync('data/developments/2025-12-02-witkoff-putin-moscow.md', 'utf8'),
      );
      await receiveDevelopment({ ...deps, dispatch: deps.queues.dispatch, ingest: deps.queues.ingest }, seed);
      used.clear();
      deps.queues.ingest.consume(createIngestHandler(deps));
      await deps.queues.ingest.idle();
      expect(converse.calls).toHaveLength(1);
      within(used, 'ingest');
    } finally {
      await converse.close();
    }
  });

  it('feedback (bounces, complaints, deliveries)', async () => {
    const { deps, used } = await recorded();
    const [reader] = await seedSubscribers(deps.subscribers, 1);
    used.clear();
    const event = (message: object): SNSEvent =>
      ({ Records: [{ Sns: { Message: JSON.stringify(message), MessageId: 'm' } }] }) as unknown as SNSEvent;
    const handler = createFeedbackHandler(deps);
    const mail = { tags: { subscriber: [reader!.id] } };
    const to = [{ emailAddress: reader!.email }];
    await handler(
      event({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: to }, mail }),
    );
    await handler(event({ eventType: 'Delivery', delivery: { recipients: [reader!.email] }, mail }));
    await handler(event({ eventType: 'Complaint', complaint: { complainedRecipients: to }, mail }));
    within(used, 'feedback');
  });

  it('schedule, dispatch and send (a digest to two readers)', async () => {
    const { deps, used } = await recorded();
    const seed = parseDevelopmentText(
      readFileSync('data/developments/2025-12-02-witkoff-putin-moscow.md', 'utf8'),
    );
    await ingestDevelopment(
      { ...deps, dispatch: { send: async () => undefined }, summariser: deps.summariser },
      { ...seed, publishedAt: new Date().toISOString() },
    );
    await seedSubscribers(deps.subscribers, 2);
    used.clear();
    await createScheduleHandler(deps)({ frequency: 'daily' });
    within(used, 'schedule');
    used.clear();
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    await deps.queues.dispatch.idle();
    within(used, 'dispatch');
    used.clear();
    deps.queues.send.consume(createSendHandler(deps));
    await deps.queues.send.idle();
    within(used, 'send');
    expect(used).toContain('dynamodb:BatchWriteItem');
  });

  it('grants each of them no more than it needs (the lists are as short as the code)', () => {
    expect(granted('poll-feeds')).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(granted('schedule')).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
  });
});
