// FeedReader on rss-parser (RSS 0.9–2.0 and Atom). The feed is fetched by safe-fetch (public
// addresses only, at most 3 redirects, a byte cap, one deadline that aborts) and parsed from the
// string; entry HTML becomes plain text through a streaming HTML parser, in linear time whatever the
// markup (no regular expression over attacker-controlled tags).
import { Parser as HtmlParser } from 'htmlparser2';
import Parser from 'rss-parser';
import type { Feed, FeedReader } from '../../ports/feed-reader';
import { type SafeFetchOptions, safeFetchText } from './safe-fetch';

type Item = { 'content:encoded'?: string; summary?: string };

export interface RssFeedReaderOptions extends SafeFetchOptions {}

export class RssFeedReader implements FeedReader {
  private readonly parser = new Parser<Record<string, unknown>, Item>({
    customFields: { item: ['content:encoded', 'summary'] },
  });

  constructor(private readonly options: RssFeedReaderOptions = {}) {}

  async read(url: string): Promise<Feed> {
    const xml = await safeFetchText(url, {
      userAgent: 'Talkwatch feed poller (+https://talkwatch.example)',
      ...this.options,
    });
    const feed = await this.parser.parseString(xml);
    return {
      title: feed.title,
      entries: feed.items.map((item) => ({
        title: item.title?.trim(),
        link: item.link?.trim(),
        publishedAt: item.isoDate,
        author: item.creator,
        text: htmlToText(
          item['content:encoded'] ?? item.content ?? item.summary ?? item.contentSnippet ?? '',
        ),
      })),
    };
  }
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head']);
const BREAKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'section',
  'article',
]);

/** Paragraph breaks survive (the summariser splits on them); tags, scripts and entities do not. */
export function htmlToText(html: string): string {
  let text = '';
  let skipping = 0;
  const parser = new HtmlParser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
      },
      ontext(chunk) {
        if (skipping === 0) text += chunk;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BREAKS.has(name)) text += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
