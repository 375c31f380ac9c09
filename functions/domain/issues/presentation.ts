// What a reader sees of an issue, decided once for every renderer (the React emails, the Hono archive
// pages): the big picture, per development the summary with at most two attributed quotes and only the
// key points that add something, what's next, the state of play in plain words and a short timeline
// with one line per happening. Pure: the templates only lay this out.
import type { ProposalStatus, SourceRef, StateOfPlay, TimelineEvent } from '../developments/types';
import type { IssueContent, IssueDevelopment } from './types';

export interface PresentedQuote {
  speaker: string;
  text: string;
}

export interface PresentedDevelopment {
  id: string;
  title: string;
  publishedAt: string;
  source: string;
  summary: string;
  keyPoints: string[];
  quotes: PresentedQuote[];
  sources: SourceRef[];
  /** The first of the summariser's reasons, when it reads as a plain sentence. */
  whyItMatters?: string;
  background: boolean;
}

export interface DatedLine {
  date: string;
  description: string;
  place?: string;
  /** The report gave only the week ("next week"): the date is that week's Monday. */
  approximate?: boolean;
}

export interface PresentedIssue {
  kind: 'digest' | 'alert';
  topic: string;
  topicTitle: string;
  /** One or two sentences (digests only). */
  bigPicture: string[];
  news: PresentedDevelopment[];
  background: PresentedDevelopment[];
  whatsNext: DatedLine[];
  proposals: string[];
  timeline: DatedLine[];
}

export const MAX_QUOTES = 2;
export const TIMELINE_SHOWN = 5;
const WHATS_NEXT_SHOWN = 4;

/** "2 Dec 2025" (UTC), "Dec 2025" for a month the report named without a day, or the input otherwise. */
export function shortDate(iso: string): string {
  const month = /^\d{4}-\d{2}$/.test(iso);
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : month ? `${iso}-01T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', {
    ...(month ? {} : { day: 'numeric' }),
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A timeline line's date as a reader should take it: "week of 16 Mar 2026" when only the week is known. */
export function lineDate(line: Pick<DatedLine, 'date' | 'approximate'>): string {
  return line.approximate ? `week of ${shortDate(line.date)}` : shortDate(line.date);
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const tokens = (s: string) =>
  new Set(
    norm(s)
      .split(' ')
      .filter((w) => w.length > 2),
  );

function overlap(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / x.size;
}

/**
 * A line that stops mid-phrase ("…the revised peace…") is cut back to its last complete clause when
 * enough is left, so no line ends in the middle of a thought.
 */
export function wholeText(text: string): string {
  // "…in Hallandale Beach, Florida, on Nov." (a sentence cut inside an abbreviated date) loses the stub.
  const stub = /,?\s+(?:on|in|since|by|until|from)\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;
  const trimmed = text.trim();
  if (!/(…|\.\.\.)$/.test(trimmed)) return trimmed.replace(stub, '.');
  const body = trimmed.replace(/(…|\.\.\.)$/, '').trimEnd();
  const cut = Math.max(
    body.lastIndexOf('. '),
    body.lastIndexOf('; '),
    body.lastIndexOf(', '),
    body.lastIndexOf(' – '),
    body.lastIndexOf(' — '),
  );
  if (cut > 0 && body.slice(0, cut).split(/\s+/).length >= 6) {
    const clause = body
      .slice(0, cut + 1)
      .replace(/[,;–—]$/, '')
      .trimEnd();
    return (/[.!?]$/.test(clause) ? clause : `${clause}.`).replace(stub, '.');
  }
  return trimmed;
}

/** Abbreviations a sentence never ends on ("U.S.", "Dec.", "Mr."). */
const ABBREVIATION =
  /(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs)\.$/;

export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const ends = /[.!?](?=["”’]?\s+["“]?[A-Z0-9])/g;
  for (let m = ends.exec(trimmed); m; m = ends.exec(trimmed)) {
    const head = trimmed.slice(0, m.index + 1);
    if (!ABBREVIATION.test(head))
      return trimmed.slice(0, m.index + 1 + (/["”’]/.test(trimmed[m.index + 1] ?? '') ? 1 : 0));
  }
  return trimmed;
}

/** Named speakers only, whole remarks only, never a remark the summary already quotes; at most two. */
export function pickQuotes(d: IssueDevelopment, max = MAX_QUOTES): PresentedQuote[] {
  const summary = norm(d.summary.summary);
  const named = d.summary.quotes
    .filter((q): q is PresentedQuote => typeof q.speaker === 'string' && q.speaker.trim() !== '')
    .map((q) => ({ speaker: q.speaker.trim(), text: q.text.trim() }))
    .filter((q) => q.text.split(/\s+/).length >= 4 && !summary.includes(norm(q.text)));
  const seen = new Set<string>();
  const unique = named.filter((q) => !seen.has(norm(q.text)) && seen.add(norm(q.text)));
  // One remark per speaker first, so two voices are heard before anyone is heard twice.
  const bySpeaker = new Set<string>();
  const first = unique.filter((q) => !bySpeaker.has(q.speaker) && bySpeaker.add(q.speaker));
  return [...first, ...unique.filter((q) => !first.includes(q))].slice(0, max);
}

/** Key points that add to the summary: none repeating it, none repeating a quote shown. */
export function pickKeyPoints(d: IssueDevelopment, quotes: readonly PresentedQuote[], max: number): string[] {
  const allQuotes = d.summary.quotes.map((q) => norm(q.text)).filter((q) => q.length > 12);
  const summarySentences = d.summary.summary.split(/(?<=[.!?])\s+/);
  const out: string[] = [];
  for (const raw of d.summary.keyPoints) {
    const point = wholeText(raw);
    const n = norm(point);
    if (!n) continue;
    if (summarySentences.some((s) => overlap(point, s) >= 0.6)) continue;
    if (allQuotes.some((q) => n.includes(q) || q.includes(n))) continue;
    if (quotes.some((q) => overlap(q.text, point) >= 0.6)) continue;
    if (out.some((o) => overlap(point, o) >= 0.6)) continue;
    out.push(point);
    if (out.length >= max) break;
  }
  return out;
}

/** The summariser's first reason when it reads as a sentence for people (never a score or rule name). */
export function whyItMatters(d: IssueDevelopment): string | undefined {
  const reason = d.summary.significance.reasons[0]?.trim();
  if (!reason || /\(\s*[+-]?\d/.test(reason) || !/^[A-Z].*[.!?]$/.test(reason)) return undefined;
  return reason;
}

export function presentDevelopment(d: IssueDevelopment, keyPoints: number): PresentedDevelopment {
  const quotes = pickQuotes(d);
  const why = whyItMatters(d);
  return {
    id: d.id,
    title: d.title,
    publishedAt: d.publishedAt,
    source: d.source,
    summary: d.summary.summary,
    keyPoints: pickKeyPoints(d, quotes, keyPoints),
    quotes,
    sources: d.sources.length ? d.sources : [{ name: d.source, url: d.url, publishedAt: d.publishedAt }],
    ...(why ? { whyItMatters: why } : {}),
    background: d.background === true,
  };
}

/**
 * The news of an issue leads with the newest alert-worthy development, then the newest of the rest;
 * background comes last.
 */
export function orderDevelopments<T extends IssueDevelopment>(developments: readonly T[]): T[] {
  const rank = (d: IssueDevelopment) =>
    (d.background === true ? 2 : 0) + (d.summary.significance.level === 'alert' ? 0 : 1);
  return [...developments].sort((a, b) => rank(a) - rank(b) || b.publishedAt.localeCompare(a.publishedAt));
}

const stripEnd = (s: string) => s.trim().replace(/[.!?:;,]+$/, '');

function bigPicture(news: readonly PresentedDevelopment[], background: number): string[] {
  const lead = news[0];
  if (!lead)
    return background
      ? [`Only background this time: ${background} earlier report${background === 1 ? '' : 's'}.`]
      : [];
  const out = [firstSentence(lead.summary)];
  const others = news.slice(1).map((d) => stripEnd(d.title));
  const extra = others.length - 2 + background;
  if (others.length) {
    out.push(`Also: ${others.slice(0, 2).join('; ')}${extra > 0 ? `; and ${extra} more` : ''}.`);
  } else if (background) {
    out.push(`Also ${background} earlier report${background === 1 ? '' : 's'} as background.`);
  }
  return out;
}

/** Events after the issue's newest news, soonest first, one per happening. */
export function whatsNext(
  developments: readonly IssueDevelopment[],
  state: StateOfPlay | undefined,
  asOf: string,
): DatedLine[] {
  const day = asOf.slice(0, 10);
  const candidates: TimelineEvent[] = [
    ...developments.flatMap((d) => d.summary.events),
    ...(state?.timeline ?? []),
  ].filter((e) => e.upcoming === true && e.date >= day);
  return onePerHappening(candidates)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, WHATS_NEXT_SHOWN);
}

/** Which of a day's entries stands for it: what was done before what was said. */
const KIND_ORDER = ['agreement', 'meeting', 'call', 'deadline', 'vote', 'other', 'statement'];
/** Second-hand lines ("X reported that…") stand for a day only when nothing else happened on it. */
const HEARSAY = /\b(?:reported|told|according to|said)\b/i;
const kindRank = (e: TimelineEvent) => {
  const i = KIND_ORDER.indexOf(e.kind ?? 'other');
  return (
    (i === -1 ? KIND_ORDER.indexOf('other') : i) -
    (e.place ? 0.5 : 0) +
    (HEARSAY.test(e.description) ? 10 : 0)
  );
};

/**
 * One line per happening, newest first: one entry per day (a meeting before what someone said about
 * it), and one sentence naming several dates is shown once, at its latest date.
 */
export function onePerHappening(events: readonly TimelineEvent[]): DatedLine[] {
  const sorted = [...events].sort((a, b) => b.date.localeCompare(a.date) || kindRank(a) - kindRank(b));
  const out: DatedLine[] = [];
  for (const e of sorted) {
    const description = wholeText(e.description);
    const same = out.some(
      (o) =>
        o.date === e.date ||
        norm(o.description) === norm(description) ||
        overlap(description, o.description) >= 0.8,
    );
    if (same) continue;
    out.push({
      date: e.date,
      description,
      ...(e.place ? { place: e.place } : {}),
      ...(e.approximate ? { approximate: true } : {}),
    });
  }
  return out;
}

/** The most recent past happenings, newest first. */
export function recentTimeline(state: StateOfPlay | undefined, asOf: string, limit = TIMELINE_SHOWN) {
  const day = asOf.slice(0, 10);
  const past = (state?.timeline ?? []).filter((e) => e.upcoming !== true && e.date <= day);
  return onePerHappening(past).slice(0, limit);
}

const STATUS_WORDS: Record<string, string> = {
  proposed: 'proposed on',
  revised: 'revised on',
  accepted: 'accepted on',
  rejected: 'rejected on',
  'under discussion': 'under discussion since',
};

/** "Peace framework — revised on 30 Nov 2025 in Geneva". */
export function proposalLine(p: ProposalStatus, state: StateOfPlay): string {
  const name = p.name.charAt(0).toUpperCase() + p.name.slice(1);
  const where = state.timeline.find(
    (e) => e.date === p.changedAt && e.place && (!p.developmentId || e.developmentId === p.developmentId),
  )?.place;
  const words = STATUS_WORDS[p.status] ?? `${p.status} since`;
  return `${name} — ${words} ${shortDate(p.changedAt)}${where ? ` in ${where}` : ''}`;
}

export function presentIssue(kind: 'digest' | 'alert', content: IssueContent): PresentedIssue {
  const ordered = orderDevelopments(content.developments);
  const shown = kind === 'alert' ? ordered.slice(0, 1) : ordered;
  const presented = shown.map((d) => presentDevelopment(d, kind === 'alert' ? 3 : 2));
  const news = presented.filter((d) => !d.background);
  const background = presented.filter((d) => d.background);
  const state = content.stateOfPlay;
  return {
    kind,
    topic: content.topic,
    topicTitle: content.topicTitle,
    bigPicture: kind === 'digest' ? bigPicture(news, background.length) : [],
    news,
    background,
    whatsNext: whatsNext(shown, state, content.coveredUntil),
    proposals: state ? state.proposals.slice(0, 3).map((p) => proposalLine(p, state)) : [],
    timeline: recentTimeline(state, content.coveredUntil),
  };
}
