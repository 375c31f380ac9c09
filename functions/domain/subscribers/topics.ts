// The topics a reader can subscribe to, as the subscription use cases see them: the catalogue's list
// (domain/catalogue.ts), passed in; choices are only validated against it.

/** What the subscription pages and emails show of a catalogue topic (domain/catalogue.ts). */
export interface Topic {
  id: string;
  title: string;
  /** A few words for subjects and labels ("Ukraine talks"). */
  shortTitle?: string | undefined;
  /** One line for the subscribe and preference pages. */
  description?: string | undefined;
}

export function topicTitles(topics: readonly Topic[], ids: readonly string[]): string[] {
  return ids.map((id) => topics.find((t) => t.id === id)?.title ?? id);
}
