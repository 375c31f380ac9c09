// What the summariser produces for one report: the summary, its quotes with speakers, the people it
// names, its dated events and how significant it is. Stored with the development and read by emails.

/** The party a person or body belongs to in a negotiation (a country or bloc); null when unknown. */
export type Side = string | null;

export interface Quote {
  /** null when the speaker cannot be told from the text: never guessed. */
  speaker: string | null;
  text: string;
}

export interface ActorMention {
  name: string;
  side: Side;
  role: string;
}

export interface TimelineEvent {
  /** YYYY-MM-DD, or YYYY-MM when the report names only the month; resolved against the publication date. */
  date: string;
  description: string;
  place?: string;
  participants: string[];
  /** meeting | call | deadline | agreement | statement | other */
  kind?: string;
  /** True for "last week" and the like: the day is an estimate. */
  approximate?: boolean;
  /** After the report's publication: a planned meeting, a deadline, a vote ("what's next"). */
  upcoming?: boolean;
}

export interface Significance {
  score: number;
  /** 'alert' sends an instant alert; 'digest' waits for the next digest. */
  level: 'alert' | 'digest';
  /** Plain sentences for an editor, the weightiest first ("An agreement was signed."). */
  reasons: string[];
}

export interface Summary {
  summary: string;
  keyPoints: string[];
  quotes: Quote[];
  actors: ActorMention[];
  events: TimelineEvent[];
  outcome: string;
  significance: Significance;
  /**
   * Who wrote the headline and key points: `offline` (the extractive summariser) or `bedrock:<model id>`
   * (a model's answer that passed verification). Absent only on summaries stored before it was recorded.
   */
  generator?: string;
  /** Why a model's answer was not used and the offline summary was (only when a model was asked). */
  fallbackReason?: string;
  /** A model-written "what's next" line, when the report names a next step (model summaries only). */
  whatsNext?: string;
}
