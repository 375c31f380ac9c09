// `npm run summarise -- <file>`: prints the full summary of one development (either file format) as
// JSON, for inspecting what the summariser makes of a report.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { shippedCatalogueFor as catalogueFor } from '../functions/catalogue-data';
import { parseDevelopmentText } from '../functions/domain/developments/input';
import { ValidationError } from '../functions/domain/errors';
import { summarise } from '../functions/domain/summarise/summarise';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('usage: npm run summarise -- <file> [file…]');
  process.exit(2);
}
try {
  const out = files.map((file) => {
    const input = parseDevelopmentText(readFileSync(file, 'utf8'), basename(file));
    const s = summarise(input, { catalogue: catalogueFor(input.topic) });
    return {
      file,
      title: input.title,
      publishedAt: input.publishedAt,
      summary: s.summary,
      keyPoints: s.keyPoints,
      quotes: s.quotes,
      actors: s.actors,
      events: s.events,
      outcome: s.outcome,
      significance: s.significance,
      proposals: s.proposals,
    };
  });
  console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
} catch (error) {
  if (error instanceof ValidationError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
}
