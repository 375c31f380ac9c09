// Stale and out-of-order news. Feeds and editors sometimes deliver an old report after newer ones (an
// archive page re-published, a late wire copy). Such a report is still worth keeping, but it must not
// wake instant subscribers as if it were news, nor change the state of play readers were told: it
// waits for the digest, shown there as background.
// Kept apart from ingest so the rule reads (and merges) on its own.

/** How far before the topic's latest known development a report may be and still count as news. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * True when `publishedAt` is more than a day before the newest development already known for the topic
 * (`latestKnown`, an ISO time; undefined when the topic has none).
 */
export function isBackground(publishedAt: string, latestKnown: string | undefined): boolean {
  if (!latestKnown) return false;
  return Date.parse(latestKnown) - Date.parse(publishedAt) > STALE_AFTER_MS;
}
