// What readers get, through the real pieces (ingest, state of play, dispatcher, sender, SES emulator):
// the digest and the alert parsed from the emails SES accepted, section by section; an old report
// ingested after a new one; one email per topic for a reader of several; the honest archive.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offlineSummariser } from '../../../functions/adapters/summariser/offline-summariser';
import { createApp } from '../../../functions/app/create-app';
import { ingestDevelopment } from '../../../functions/domain/developments/ingest';
import { parseDevelopmentText } from '../../../functions/domain/developments/input';
import { recentTimeline } from '../../../functions/domain/issues/presentation';
import type { AlertRequestMessage as AlertRequest } from '../../../functions/domain/queue-messages';
import { createDispatchHandler } from '../../../functions/handlers/dispatch-handler';
import { createSendHandler } from '../../../functions/handlers/send-handler';
import { activeSubscriber, signedHeaders } from '../../support/delivery';
import { type SesStoredEmail, sesEmails, type TestDeps, testDeps } from '../../support/env';

const report = (file: string) =>
  parseDevelopmentText(readFileSync(`data/developments/${file}`, 'utf8'), file);
const MOSCOW = report('2025-12-02-witkoff-putin-moscow.md');
const FLORIDA = report('2025-11-30-hallandale-beach-talks.md');
const PLAN = report('2025-11-20-28-point-plan-presented.md');

async function setup() {
  const deps = await testDeps();
  deps.queues.dispatch.consume(createDispatchHandler(deps));
  deps.queues.send.consume(createSendHandler(deps));
  const alerts: AlertRequest[] = [];
  const ingestPorts = {
    developments: deps.developments,
    clock: deps.clock,
    catalogue: deps.catalogue,
    dispatch: { send: async (m: readonly AlertRequest[]) => void alerts.push(...m) },
    summariser: offlineSummariser,
  };
  return { deps, app: createApp(deps), ingestPorts, alerts };
}

async function settle(deps: TestDeps) {
  for (let i = 0; i < 3; i++) {
    await deps.queues.dispatch.idle();
    await deps.queues.send.idle();
  }
}

async function send(deps: TestDeps, app: ReturnType<typeof createApp>, request: Record<string, unknown>) {
  const body = JSON.stringify({ topic: 'us-russia-ukraine', ...request });
  const res = await app.request('/webhooks/send', { method: 'POST', body, headers: signedHeaders(body) });
  expect(res.status).toBe(202);
  const { issueId } = (await res.json()) as { issueId: string };
  await settle(deps);
  const status = await app.request(`/issues/${issueId}`, {
    headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` },
  });
  return { issueId, status: (await status.json()) as Record<string, unknown> & { status: string } };
}

async function inbox(address: string): Promise<SesStoredEmail[]> {
  return (await sesEmails()).filter((e) => e.destination.to.includes(address));
}

/** The email's sections: each h2 with the text up to the next h2. */
function sections(html: string): Map<string, string> {
  const parts = html.split(/<h2[^>]*>/).slice(1);
  return new Map(
    parts.map((p) => {
      const [title, rest] = p.split(/<\/h2>/) as [string, string];
      return [title.replace(/&#x27;|’/g, "'"), rest.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')];
    }),
  );
}

const address = (name: string) => `${name}.${Math.random().toString(36).slice(2, 8)}@readers.example`;

describe('the digest and the alert as readers get them', () => {
  it('digest: the big picture, each development with named quotes only, state of play in plain words, no internals', async () => {
    const { deps, app, ingestPorts } = await setup();
    for (const r of [PLAN, FLORIDA, MOSCOW]) await ingestDevelopment(ingestPorts, r);
    const reader = activeSubscriber(address('digest'), 'daily');
    await deps.subscribers.put(reader);

    await send(deps, app, { kind: 'digest', since: '2025-11-01T00:00:00Z' });

    const [email] = await inbox(reader.email);
    expect(email?.subject).toBe(
      'Ukraine talks: Witkoff-Putin talks end without breakthrough on Russia-Ukraine peace deal, +2 more',
    );
    const html = email!.body.html!;
    const text = email!.body.text!;
    const parts = sections(html);
    expect([...parts.keys()]).toEqual(['The big picture', 'What happened', 'State of play']);
    expect(parts.get('The big picture')).toMatch(/Witkoff met Russian President Vladimir Putin/);
    expect(parts.get('The big picture')).toMatch(/Also: .*Florida/);
    // Three developments, the newest alert-worthy one first.
    const headlines = [...html.matchAll(/<h3[^>]*>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(headlines.slice(0, 3)).toEqual([MOSCOW.title, FLORIDA.title, PLAN.title]);
    // Quotes: named speakers only, at most two per development, and never repeated as a key point.
    const quotes = [...html.matchAll(/“([^”]+)”<br\/><span[^>]*>— (?:<!-- -->)?([^<]+)<\/span>/g)];
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThanOrEqual(6);
    const decode = (s: string) =>
      s
        .replace(/<!-- -->/g, '')
        .replace(/&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    for (const [, quote, speaker] of quotes) {
      expect(speaker!.trim()).not.toBe('');
      const needle = decode(quote!).slice(0, 30);
      expect(text.replace(/\s+/g, ' ').split(needle).length - 1, needle).toBe(1);
    }
    expect(text).not.toMatch(/speaker not named|Hello,|\(\+\d|score/i);
    // State of play: proposals as sentences, at most five happenings, one per day.
    const state = parts.get('State of play')!;
    expect(state).toMatch(/Peace framework — revised on \d{1,2} \w{3} 2025/);
    const timeline = html.slice(html.indexOf('>State of play<'));
    const days = [...timeline.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(days.length).toBeGreaterThan(1);
    expect(days.length).toBeLessThanOrEqual(5);
    expect(new Set(days).size).toBe(days.length);
    expect(html).toContain(`${deps.config.PUBLIC_URL}/topics/us-russia-ukraine`);
    // Readable on a phone and in dark mode.
    expect(html).toContain('name="viewport"');
    expect(html).toContain('name="color-scheme" content="light dark"');
    expect(html).toMatch(/@media \(prefers-color-scheme:dark\)/);
  });

  it('alert: the headline once, what happened, who said what (at most two), the source; no greeting, no score', async () => {
    const { deps, app, ingestPorts, alerts } = await setup();
    await ingestDevelopment(ingestPorts, MOSCOW);
    expect(alerts).toHaveLength(1);
    const reader = activeSubscriber(address('alert'), 'instant');
    await deps.subscribers.put(reader);

    await send(deps, app, { kind: 'alert', developmentIds: [alerts[0]!.developmentId] });

    const [email] = await inbox(reader.email);
    expect(email?.subject).toBe(`Ukraine talks: ${MOSCOW.title}`);
    const html = email!.body.html!;
    const text = email!.body.text!;
    expect(html.split(MOSCOW.title).length - 1).toBe(1);
    const parts = sections(html);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['What happened', 'Who said what']));
    expect(parts.has('State of play')).toBe(false);
    const said = parts.get('Who said what')!;
    expect(said.match(/— /g)!.length).toBeLessThanOrEqual(2);
    expect(said).toContain('Yuri Ushakov');
    expect(text).not.toMatch(/Hello,|speaker not named|\(\+\d/);
    expect(text).toMatch(/Source: Kyiv Independent/);
  });
});

describe('stale and out-of-order news', () => {
  it('an old report after a new one: no alert, the state of play readers see unchanged, background in the next digest', async () => {
    const { deps, app, ingestPorts, alerts } = await setup();
    await ingestDevelopment(ingestPorts, MOSCOW);
    expect(alerts).toHaveLength(1);
    const before = await deps.developments.getStateOfPlay('us-russia-ukraine');

    const old = {
      ...FLORIDA,
      url: 'https://archive.example/florida-2024',
      publishedAt: '2024-11-30T20:00:00.000Z',
    };
    const result = await ingestDevelopment(ingestPorts, old);

    expect(result).toMatchObject({ created: true, alert: false });
    expect(alerts).toHaveLength(1);
    expect((await deps.developments.get(result.id))?.background).toBe(true);
    const after = await deps.developments.getStateOfPlay('us-russia-ukraine');
    expect(after?.proposals).toEqual(before?.proposals);
    expect(after?.timeline).toEqual(before?.timeline);
    expect(recentTimeline(after, MOSCOW.publishedAt).length).toBeGreaterThan(0);

    const reader = activeSubscriber(address('background'), 'daily');
    await deps.subscribers.put(reader);
    await send(deps, app, { kind: 'digest', since: '2024-01-01T00:00:00Z' });
    const [email] = await inbox(reader.email);
    const parts = sections(email!.body.html!);
    expect([...parts.keys()]).toEqual(['The big picture', 'What happened', 'Background', 'State of play']);
    expect(parts.get('Background')).toContain(FLORIDA.title);
    expect(parts.get('What happened')).not.toContain(FLORIDA.title);
  });

  it('a report a few hours older than the latest is still news', async () => {
    const { deps, ingestPorts } = await setup();
    await ingestDevelopment(ingestPorts, MOSCOW);
    const before = await deps.developments.getStateOfPlay('us-russia-ukraine');
    const late = {
      ...MOSCOW,
      url: 'https://wire.example/late',
      title: 'Kremlin reviews the US plan',
      publishedAt: '2025-12-02T09:00:00.000Z',
      body: `${FLORIDA.body}\n\nThe Kremlin said it would review the plan.`,
    };
    const result = await ingestDevelopment(ingestPorts, late);
    expect(result.created).toBe(true);
    expect((await deps.developments.get(result.id))?.background).toBeUndefined();
    // It folds into the state of play like any news.
    const after = await deps.developments.getStateOfPlay('us-russia-ukraine');
    expect(after?.version).toBeGreaterThan(before?.version ?? 0);
  });
});

describe('several negotiations', () => {
  it('a reader of two topics gets one email per topic, each subject naming its topic and lead news', async () => {
    const { deps, app, ingestPorts } = await setup();
    await ingestDevelopment(ingestPorts, MOSCOW);
    await ingestDevelopment(ingestPorts, {
      title: 'Congo and Rwanda sign economic framework in Washington',
      url: 'https://wire.example/drc-rwanda-framework',
      publishedAt: '2025-12-04T15:00:00Z',
      topic: 'drc-rwanda',
      body:
        'Congolese President Felix Tshisekedi and Rwandan President Paul Kagame signed a regional economic framework in Washington on Dec. 4. ' +
        'The accord builds on the peace agreement their foreign ministers signed in June. ' +
        'Fighting between the M23 rebels and the Congolese army continued in South Kivu.',
    });
    const reader = {
      ...activeSubscriber(address('two'), 'daily'),
      topics: ['us-russia-ukraine', 'drc-rwanda'],
    };
    await deps.subscribers.put(reader);

    await send(deps, app, { kind: 'digest', since: '2025-11-01T00:00:00Z' });
    await send(deps, app, { kind: 'digest', topic: 'drc-rwanda', since: '2025-11-01T00:00:00Z' });

    const subjects = (await inbox(reader.email)).map((e) => e.subject).sort();
    expect(subjects).toEqual([
      'DR Congo–Rwanda: Congo and Rwanda sign economic framework in Washington',
      `Ukraine talks: ${MOSCOW.title}`,
    ]);
  });

  it('ingest refuses an unknown topic, naming the known ones', async () => {
    const { ingestPorts } = await setup();
    await expect(ingestDevelopment(ingestPorts, { ...MOSCOW, topic: 'mars-talks' })).rejects.toThrow(
      'topic: unknown topic "mars-talks"; known topics: us-russia-ukraine, us-china-trade, india-pakistan, drc-rwanda',
    );
  });
});

describe('an honest archive', () => {
  it('publishes only what reached a reader: not a digest nobody got, not a dry run; a dry run has a working preview', async () => {
    const { deps, app, ingestPorts } = await setup();
    await ingestDevelopment(ingestPorts, MOSCOW);

    const empty = await send(deps, app, { kind: 'digest', since: '2025-11-01T00:00:00Z' });
    expect(empty.status).toMatchObject({ status: 'no-recipients', counts: { recipients: 0 } });

    const reader = activeSubscriber(address('dry'), 'daily');
    await deps.subscribers.put(reader);
    const dry = await send(deps, app, { kind: 'digest', since: '2025-11-01T00:00:00Z', dryRun: true });
    expect(dry.status).toMatchObject({
      status: 'dry-run',
      subject: `Ukraine talks: ${MOSCOW.title}`,
      headlines: [MOSCOW.title],
      counts: { recipients: 1, sent: 0 },
    });
    expect(await inbox(reader.email)).toEqual([]);
    const previewUrl = new URL(dry.status.previewUrl as string);
    const preview = await app.request(`${previewUrl.pathname}${previewUrl.search}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('no-store');
    expect(await preview.text()).toContain(MOSCOW.title);
    // A preview token opens its own issue only.
    expect((await app.request(`/preview/${empty.issueId}${previewUrl.search}`)).status).toBe(404);

    for (const id of [empty.issueId, dry.issueId]) {
      expect((await app.request(`/archive/${id}`)).status).toBe(404);
    }
    const index = await (await app.request('/archive')).text();
    const feed = await (await app.request('/feed.xml')).text();
    for (const id of [empty.issueId, dry.issueId]) {
      expect(index).not.toContain(id);
      expect(feed).not.toContain(id);
    }

    const sent = await send(deps, app, { kind: 'digest', since: '2025-11-01T00:00:00Z' });
    expect(sent.status.status).toBe('sent');
    expect(await (await app.request('/archive')).text()).toContain(`/archive/${sent.issueId}`);
    expect(await (await app.request('/')).text()).toContain(`/archive/${sent.issueId}`);
  });
});
