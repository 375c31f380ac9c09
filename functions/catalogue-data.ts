// The shipped reference data (data/topics.json, data/actors.json), bundled with the code and parsed
// once per process. Only composition roots import this (functions/deps.ts, scripts): the domain gets
// the parsed catalogue as an argument.
import actorsJson from '../data/actors.json' with { type: 'json' };
import topicsJson from '../data/topics.json' with { type: 'json' };
import {
  type Catalogue,
  catalogueFor,
  defaultTopic,
  parseCatalogue,
  type TopicCatalogue,
} from './domain/catalogue';

let parsed: Catalogue | undefined;

export function loadCatalogue(): Catalogue {
  parsed ??= parseCatalogue(topicsJson, actorsJson);
  return parsed;
}

/** The summariser's view for a parsed report's topic (scripts and previews that summarise directly). */
export function shippedCatalogueFor(topic: string | undefined): TopicCatalogue {
  const catalogue = loadCatalogue();
  return catalogueFor(catalogue, topic ?? defaultTopic(catalogue).id);
}
