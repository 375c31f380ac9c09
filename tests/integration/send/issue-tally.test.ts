// The counts behind GET /issues/:id are kept as outcomes are recorded (the store has no transactions):
// each outcome must count exactly once through lost answers, retries and a crash between counting and
// writing the delivery items, and reading them must be read-only and cost the same at any size.
import { randomUUID } from 'node:crypto';
import type { MiddlewareStack } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { DynamoIssueStore } from '../../../functions/adapters/dynamodb/issue-store';
import { createApp } from '../../../functions/app/create-app';
import type { Delivery } from '../../../functions/domain/issues/types';
import { createDispatchHandler } from '../../../functions/handlers/dispatch-handler';
import { createSendHandler } from '../../../functions/handlers/send-handler';
import { requestDigest, seedSubscribers } from '../../support/delivery';
import { sampleDevelopment } from '../../support/development-store-contract';
import { type TestDeps, testDeps } from '../../support/env';

type Fault = (command: string, input: Record<string, unknown>) => 'before' | 'after' | undefined;

/**
 * Every command the store's clients send (the document client's and the plain one's), and a hook to
 * fail one before or after it reaches the store.
 */
function instrument(deps: TestDeps) {
  const commands: string[] = [];
  let fault: Fault = () => undefined;
  for (const client of [deps.dynamo.client, deps.dynamo.fast]) {
    const stack = client.middlewareStack as unknown as MiddlewareStack<object, object>;
    stack.add(
      (next, context) => async (args) => {
        const name = (context as { commandName: string }).commandName;
        commands.push(name);
        const when = fault(name, (args as { input: Record<string, unknown> }).input);
        if (when === 'before')
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        const out = await next(args);
        if (when === 'after') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        return out;
      },
      { step: 'initialize', name: 'testFaults' },
    );
  }
  return {
    commands,
    fail(f: Fault) {
      fault = f;
    },
  };
}

const isTallyUpdate = (command: string, input: Record<string, unknown>) =>
  command === 'UpdateItemCommand' && JSON.stringify(input.Key).includes('TALLY#');

async function claimed(store: DynamoIssueStore, issueId: string, n: number): Promise<Delivery[]> {
  const at = new Date().toISOString();
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const claimId = randomUUID();
      await store.claim(issueId, `sub${i}`, claimId, at);
      return { subscriberId: `sub${i}`, status: i % 5 === 4 ? 'failed' : 'sent', claimId, at } as Delivery;
    }),
  );
}

describe('issue tally', () => {
  it('counts each outcome once when the answer to the counter update is lost and recording is retried', async () => {
    const deps = await testDeps();
    const faults = instrument(deps);
    const store = new DynamoIssueStore(deps.dynamo, deps.config.TABLE_NAME);
    const outcomes = await claimed(store, 'i1', 10);
    expect(await store.tally('i1')).toMatchObject({ sent: 0, failed: 0, openClaims: expect.any(Array) });
    expect((await store.tally('i1')).openClaims).toHaveLength(10);

    // The update reaches the store, its answer is lost: the retry must not count it again.
    let lost = 0;
    faults.fail((command, input) => (isTallyUpdate(command, input) && lost++ === 0 ? 'after' : undefined));
    await store.completeMany('i1', outcomes);
    expect(lost).toBeGreaterThan(1);
    // The sender records the same outcomes again (its own retry): still counted once.
    await store.completeMany('i1', outcomes);
    expect(await store.tally('i1')).toEqual({ sent: 8, failed: 2, suppressed: 0, openClaims: [] });
  });

  it('neither loses nor doubles outcomes counted when writing their delivery items fails (a crash in between)', async () => {
    const deps = await testDeps();
    const faults = instrument(deps);
    const store = new DynamoIssueStore(deps.dynamo, deps.config.TABLE_NAME);
    const outcomes = await claimed(store, 'i2', 10);
    faults.fail((command) => (command === 'BatchWriteItemCommand' ? 'before' : undefined));
    await expect(store.completeMany('i2', outcomes)).rejects.toThrow();
    // Counted, and the claims, still open in the table, are not also counted in flight.
    expect(await store.tally('i2')).toEqual({ sent: 8, failed: 2, suppressed: 0, openClaims: [] });
    // As another process (a restart) sees it.
    const other = new DynamoIssueStore(deps.dynamo, deps.config.TABLE_NAME);
    expect(await other.tally('i2')).toEqual({ sent: 8, failed: 2, suppressed: 0, openClaims: [] });
    // The store comes back: the retry writes the items and counts nothing again.
    faults.fail(() => undefined);
    await store.completeMany('i2', outcomes);
    expect(await other.tally('i2')).toEqual({ sent: 8, failed: 2, suppressed: 0, openClaims: [] });
  });

  it('leaves outcomes whose counter update never got through as open claims, and never counts them later', async () => {
    const deps = await testDeps();
    const faults = instrument(deps);
    const store = new DynamoIssueStore(deps.dynamo, deps.config.TABLE_NAME);
    const outcomes = await claimed(store, 'i3', 5);
    faults.fail((command, input) => (isTallyUpdate(command, input) ? 'before' : undefined));
    await expect(store.completeMany('i3', outcomes)).rejects.toThrow();
    faults.fail(() => undefined);
    await store.completeMany('i3', outcomes);
    const more = (await claimed(store, 'i3', 8)).slice(5);
    await store.completeMany('i3', more);
    // The first five are honestly unknown (still claims); the next three counted once.
    expect(await store.tally('i3')).toMatchObject({ sent: 3, failed: 0 });
    expect((await store.tally('i3')).openClaims).toHaveLength(5);
  }, 30_000);
});

describe('GET /issues/:id', () => {
  async function sentIssue(deps: TestDeps, app: ReturnType<typeof createApp>, readers: number) {
    await seedSubscribers(deps.subscribers, readers);
    const issueId = await requestDigest(app);
    for (let i = 0; i < 3; i++) {
      await deps.queues.dispatch.idle();
      await deps.queues.send.idle();
    }
    return issueId;
  }

  it('is read-only and makes the same few store calls for 5 recipients as for 120', async () => {
    const sizes = [5, 120];
    const calls: string[][] = [];
    for (const readers of sizes) {
      const deps = await testDeps();
      deps.queues.dispatch.consume(createDispatchHandler(deps));
      deps.queues.send.consume(createSendHandler(deps));
      await deps.developments.add(sampleDevelopment());
      const app = createApp(deps);
      const issueId = await sentIssue(deps, app, readers);
      const openBefore = await deps.issues.listOpen();
      expect(openBefore.map((i) => i.id)).toContain(issueId);

      const faults = instrument(deps);
      const res = await app.request(`/issues/${issueId}`, {
        headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` },
      });
      expect(await res.json()).toMatchObject({
        status: 'sent',
        counts: { recipients: readers, sent: readers, failed: 0, inFlight: 0, unknown: 0, pending: 0 },
      });
      calls.push([...faults.commands]);
      // Reading the status changed nothing (it used to mark the issue finished).
      expect(faults.commands.filter((c) => !/^(Get|Query|BatchGet)/.test(c))).toEqual([]);
      expect((await deps.issues.listOpen()).map((i) => i.id)).toContain(issueId);
    }
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]!.length).toBeLessThanOrEqual(4);
  }, 60_000);
});
