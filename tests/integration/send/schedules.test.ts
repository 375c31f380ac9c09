// Scheduled digests hold only what is new for their cohort and are skipped when nothing is; an alert
// request makes one alert issue per development for instant subscribers; unfinished issues resume.
import { describe, expect, it, vi } from 'vitest';
import { MemoryQueue } from '../../../functions/adapters/memory-queue/memory-queue';
import type { SendMessage } from '../../../functions/deps';
import { requestIssue } from '../../../functions/domain/issues/request';
import { resumeUnfinished } from '../../../functions/domain/issues/resume';
import { periodKey } from '../../../functions/domain/issues/schedule';
import { deliveryPorts } from '../../../functions/workers/delivery-ports';
import { createDispatchHandler } from '../../../functions/workers/dispatch-worker';
import { createScheduleHandler } from '../../../functions/workers/schedule-worker';
import { createSendHandler } from '../../../functions/workers/send-worker';
import { seedSubscribers } from '../../support/delivery';
import { sampleDevelopment } from '../../support/development-store-contract';
import { sesEmails, type TestDeps, testDeps } from '../../support/env';

async function settle(deps: TestDeps) {
  for (let i = 0; i < 3; i++) {
    await deps.queues.dispatch.idle();
    await deps.queues.send.idle();
  }
}

function at(iso: string) {
  return { now: () => new Date(iso) };
}

async function running(clock: { now: () => Date }) {
  const deps = await testDeps({}, { clock });
  deps.queues.dispatch.consume(createDispatchHandler(deps));
  deps.queues.send.consume(createSendHandler(deps));
  return deps;
}

async function inbox(domain: string) {
  return (await sesEmails()).filter((e) => e.destination.to[0]!.endsWith(`@${domain}`));
}

describe('scheduled digests', () => {
  it('send each cohort only what arrived since its last issue (a late report too), and skip a period with nothing new', async () => {
    const clock = { current: new Date('2025-12-02T07:00:00Z'), now: () => clock.current };
    const deps = await running(clock);
    const daily = await seedSubscribers(deps.subscribers, 3, { frequency: 'daily' });
    const domain = daily[0]!.email.split('@')[1]!;
    const schedule = createScheduleHandler(deps);
    await deps.developments.add(
      sampleDevelopment({
        id: 'd1',
        title: 'First meeting',
        publishedAt: '2025-12-01T12:00:00.000Z',
        summarisedAt: '2025-12-01T12:05:00.000Z',
      }),
    );

    const day1 = await schedule({ frequency: 'daily' });
    const again = await schedule({ frequency: 'daily' }); // firing twice makes no second issue
    await settle(deps);
    expect(again.issues).toEqual(day1.issues); // one issue per topic and day
    expect((await inbox(domain)).filter((e) => e.subject === 'Ukraine talks: First meeting')).toHaveLength(3);

    // Next day: one newer development → the digest holds only it.
    clock.current = new Date('2025-12-03T07:00:00Z');
    await deps.developments.add(
      sampleDevelopment({
        id: 'd2',
        title: 'Second meeting',
        publishedAt: '2025-12-02T15:00:00.000Z',
        summarisedAt: '2025-12-02T15:05:00.000Z',
      }),
    );
    const day2 = await schedule({ frequency: 'daily' });
    await settle(deps);
    const issue2 = await deliveryPorts(deps).issues.get(day2.issues[0]!);
    expect(issue2?.content?.developments.map((d) => d.id)).toEqual(['d2']);
    expect(await inbox(domain)).toHaveLength(6);

    // A report published before d2 but summarised only now (a late feed entry) is still news.
    clock.current = new Date('2025-12-03T12:00:00Z');
    await deps.developments.add(
      sampleDevelopment({
        id: 'd0',
        title: 'Late report',
        publishedAt: '2025-12-02T09:00:00.000Z',
        summarisedAt: '2025-12-03T11:00:00.000Z',
      }),
    );
    clock.current = new Date('2025-12-04T07:00:00Z');
    const late = await schedule({ frequency: 'daily' });
    await settle(deps);
    const lateIssue = await deliveryPorts(deps).issues.get(late.issues[0]!);
    expect(lateIssue?.content?.developments.map((d) => d.id)).toEqual(['d0']);
    expect(await inbox(domain)).toHaveLength(9);

    // Day three: nothing new → skipped, nobody mailed.
    clock.current = new Date('2025-12-05T07:00:00Z');
    const day3 = await schedule({ frequency: 'daily' });
    await settle(deps);
    expect((await deliveryPorts(deps).issues.get(day3.issues[0]!))?.status).toBe('skipped');
    expect(await inbox(domain)).toHaveLength(9);
  });

  it('logs a new scheduled digest at info level, and a firing that finds nothing to do only at debug', async () => {
    const deps = await testDeps({}, { clock: at('2025-12-02T07:00:00Z') });
    const info = vi.spyOn(deps.logger, 'info');
    const debug = vi.spyOn(deps.logger, 'debug');
    const schedule = createScheduleHandler(deps);
    await schedule({ frequency: 'daily' });
    expect(info).toHaveBeenCalledTimes(1);
    // The local timer fires every minute: the same period again is not news.
    await schedule({ frequency: 'daily' });
    await schedule({ frequency: 'daily' });
    expect(info).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledWith('scheduled digests already requested', expect.anything());
  });

  it('names periods by UTC day and ISO week', () => {
    expect(periodKey('daily', new Date('2025-12-29T10:00:00Z'))).toBe('2025-12-29');
    expect(periodKey('weekly', new Date('2025-12-29T10:00:00Z'))).toBe('2026-W01');
    expect(periodKey('weekly', new Date('2025-12-07T10:00:00Z'))).toBe('2025-W49');
  });
});

describe('instant alerts', () => {
  it('one alert issue per development to instant subscribers only, however often it is requested', async () => {
    const deps = await running(at('2025-12-02T18:00:00Z'));
    const instant = await seedSubscribers(deps.subscribers, 4, { frequency: 'instant' });
    const daily = await seedSubscribers(deps.subscribers, 2, { frequency: 'daily' });
    const alert = sampleDevelopment({
      title: 'Putin rejects framework',
      summary: {
        ...sampleDevelopment().summary,
        significance: { score: 0.9, level: 'alert', reasons: ['Kremlin answer'] },
      },
    });
    await deps.developments.add(alert);
    const request = { type: 'alert-request' as const, topic: 'us-russia-ukraine', developmentId: alert.id };
    await deps.queues.dispatch.send([request, request]);
    await settle(deps);
    await deps.queues.dispatch.send([request]);
    await settle(deps);

    const instantMail = await inbox(instant[0]!.email.split('@')[1]!);
    expect(instantMail).toHaveLength(4);
    expect(instantMail[0]!.subject).toBe('Ukraine talks: Putin rejects framework');
    expect(await inbox(daily[0]!.email.split('@')[1]!)).toHaveLength(0);
  });
});

describe('resume after a crash', () => {
  it('re-dispatches an unfinished issue without mailing anyone twice', async () => {
    const deps = await testDeps({}, { clock: at('2025-12-02T18:00:00Z') });
    const readers = await seedSubscribers(deps.subscribers, 120);
    const domain = readers[0]!.email.split('@')[1]!;
    await deps.developments.add(sampleDevelopment());
    // First life: one sender at a time; it finishes one batch of 50, then the process dies.
    deps.queues.send = new MemoryQueue<SendMessage>({ name: 'send', batchSize: 1, concurrency: 1 });
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    const send = createSendHandler(deps);
    let firstBatchDone: () => void = () => undefined;
    const firstBatch = new Promise<void>((resolve) => (firstBatchDone = resolve));
    let batches = 0;
    deps.queues.send.consume(async (event) => {
      if (batches++ > 0) return new Promise(() => undefined); // never finishes: the process is gone
      const out = await send(event);
      firstBatchDone();
      return out;
    });
    const { issues } = deliveryPorts(deps);
    const { issue } = await requestIssue(
      { issues, dispatch: deps.queues.dispatch, clock: deps.clock },
      'test:resume',
      { topic: 'us-russia-ukraine', kind: 'digest', since: '2025-12-01T00:00:00Z' },
    );
    await firstBatch;
    deps.queues.send.close();
    deps.queues.dispatch.close();
    expect(await inbox(domain)).toHaveLength(50);

    // Second life: fresh queues, the start-up hook resumes the issue.
    const second = await testDeps(
      { TABLE_NAME: deps.config.TABLE_NAME },
      { clock: at('2025-12-02T18:05:00Z') },
    );
    second.queues.dispatch.consume(createDispatchHandler(second));
    second.queues.send.consume(createSendHandler(second));
    const resumed = await resumeUnfinished({
      issues: deliveryPorts(second).issues,
      dispatch: second.queues.dispatch,
      clock: second.clock,
    });
    expect(resumed).toEqual([issue.id]);
    await settle(second);
    const mail = await inbox(domain);
    expect(mail).toHaveLength(120);
    expect(new Set(mail.map((e) => e.destination.to[0])).size).toBe(120);
    // Finished issues are not resumed again.
    await resumeUnfinished({
      issues: deliveryPorts(second).issues,
      dispatch: second.queues.dispatch,
      clock: second.clock,
    });
    expect(await deliveryPorts(second).issues.listOpen()).toEqual([]);
  });
});
