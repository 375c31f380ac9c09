// The reference data the summariser reads (actors with aliases and sides, topics), passed in rather
// than imported so the same code serves any topic and tests can use a tiny catalogue.
import type { Side, Topic } from '../developments/types';

export interface ActorEntry {
  name: string;
  aliases: string[];
  role: string;
  side: Side;
}

export interface Catalogue {
  actors: ActorEntry[];
  topic?: Topic;
}
