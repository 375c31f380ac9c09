// The layers an analysed report carries (see analysis.ts): sentences with their tokens and quotation
// spans, mentions, the entities they refer to, who speaks where. Types only, shared by every pass and
// extractor so none of them imports another's module for a type.
import type { ActorEntry } from '../catalogue';
import type { ActorMatcher } from './actors';
import type { Token } from './tokens';

export type MentionKind = 'name' | 'description' | 'pronoun';
export type EntityKind = 'person' | 'organisation' | 'media' | 'place' | 'group';

export interface Entity {
  id: number;
  /** Full name as best known ("Marco Rubio"), or a body's name ("the Kremlin"). */
  name: string;
  kind: EntityKind;
  /** Roles from the catalogue (on the publication day) and from the text ("Top Kremlin aide"). */
  roles: string[];
  side: string | null;
  countries: string[];
  entry?: ActorEntry;
  /** Journalists and outlets report the news; they never take part in it. */
  reporter: boolean;
  /** Only part of the name is known (a surname the text never completes): never shown as a speaker. */
  partial: boolean;
}

export interface Mention {
  sentence: number;
  /** Token range [from, to) in the sentence. */
  from: number;
  to: number;
  text: string;
  kind: MentionKind;
  entity?: Entity;
  /** "Trump's" in "Trump's son-in-law": a possessor, not the one who acts. */
  possessive: boolean;
  /** "Kremlin" in "Kremlin aide Yuri Ushakov": a modifier of the noun after it. */
  modifier: boolean;
  inQuote: boolean;
  /** Descriptions: the role noun ("president") and the other words ("us", "top"). */
  head?: string;
  modifiers?: string[];
  /** Descriptions that point at nobody in particular ("a Russian source", "officials"). */
  indefinite?: boolean;
  /** Descriptions owned by a name before them ("Netanyahu's office", "Colombia's ministry"). */
  owner?: Entity;
  /** Owned by "his"/"her" ("His office said"): the owner is who the pronoun means. */
  ownerPronoun?: boolean;
}

/** A quotation's part in one sentence: token range [from, to) and offsets of the words inside the marks. */
export interface SentenceQuote {
  /** The same id in every sentence a quotation spans ("paragraph:n"). */
  id: string;
  from: number;
  to: number;
  start: number;
  end: number;
  /** Still open at the end of the paragraph. */
  open: boolean;
  /** Goes on from the previous paragraph's open quotation. */
  continues: boolean;
}

export interface Sentence {
  index: number;
  paragraph: number;
  /** Position in its paragraph (0 for the first sentence). */
  position: number;
  text: string;
  tokens: Token[];
  /** Per token: inside a quotation. */
  quoted: boolean[];
  /** Quotation spans as token ranges [from, to) of the words inside the marks; `open` continues on. */
  quotes: SentenceQuote[];
  mentions: Mention[];
  /** The sentence's grammatical subject (set by the reference pass). */
  subject?: Mention;
  /** Reporting verbs outside quotations and who they credit (set by the reference pass). */
  speakers: Speaking[];
  /** What pronouns in this sentence may point back to (set by the reference pass). */
  context: {
    previousSubject?: Entity;
    /** The sentence before in the paragraph has a person for subject whom the text does not name. */
    previousSubjectUnknown?: boolean;
    lastSpeaker?: { entity: Entity; paragraph: number };
    /** The two sides the lead named together as its subject ("India and China held …"). */
    sides?: Entity;
    /** The people credited with words up to three paragraphs back, latest last. */
    personSpeakers?: Entity[];
    /**
     * The one person the sentence before named outside quotations, when its subject is no person
     * ("The delegation was led by X, who spoke to reporters."): whom a following "he" most likely means.
     */
    previousPerson?: Entity;
  };
  oversize: boolean;
}

export interface Speaking {
  /** Token index of the reporting verb. */
  verb: number;
  subject?: Mention;
  /** Who is credited: a person, a body, a group; undefined when the text does not say. */
  entity?: Entity;
}

export interface Analysis {
  title: string;
  published: Date;
  /** YYYY-MM-DD of publication. */
  day: string;
  paragraphs: string[];
  sentences: Sentence[];
  entities: Entity[];
  actors: ActorMatcher;
}
