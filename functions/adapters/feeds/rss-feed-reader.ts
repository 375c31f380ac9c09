// FeedReader on rss-parser (RSS 0.9–2.0 and Atom): fetches with a timeout and returns plain text.
import Parser from 'rss-parser';
import type { Feed, FeedReader } from '../../ports/feed-reader';

type Item = { 'content:encoded'?: string; summary?: string };

export class RssFeedReader implements FeedReader {
  private readonly parser: Parser<Record<string, unknown>, Item>;

  constructor(options: { timeoutMs?: number } = {}) {
    this.parser = new Parser<Record<string, unknown>, Item>({
      timeout: options.timeoutMs ?? 10_000,
      customFields: { item: ['content:encoded', 'summary'] },
      headers: { 'User-Agent': 'Talkwatch feed poller (+https://talkwatch.example)' },
    });
  }

  async read(url: string): Promise<Feed> {
    const feed = await this.parser.parseURL(url);
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

/** Paragraph breaks survive (the summariser splits on them); tags and entities do not. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h\d|li|blockquote)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
