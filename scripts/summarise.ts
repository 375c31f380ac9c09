// `npm run summarise -- <file> [--summariser=offline|bedrock]`: prints the full summary of one
// development (either file format) as JSON, for inspecting what the summariser makes of a report —
// including who wrote it (`generator`) and, when a model's answer was not used, why (`fallbackReason`).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { shippedCatalogueFor as catalogueFor } from '../functions/catalogue-data';
import { parseDevelopmentText } from '../functions/domain/developments/input';
import { ValidationError } from '../functions/domain/errors';
import { cliSummariser } from './cli-summariser';

const args = process.argv.slice(2).filter((a) => a !== '--');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run summarise -- <file> [file…] [--summariser=offline|bedrock]');
  process.exit(2);
}
try {
  const { summariser } = await cliSummariser(args);
  const out = [];
  for (const file of files) {
    const input = parseDevelopmentText(readFileSync(file, 'utf8'), basename(file));
    const s = await summariser.summarise(input, { catalogue: catalogueFor(input.topic) });
    out.push({
      file,
      title: input.title,
      publishedAt: input.publishedAt,
      generator: s.generator,
      ...(s.fallbackReason ? { fallbackReason: s.fallbackReason } : {}),
      summary: s.summary,
      keyPoints: s.keyPoints,
      ...(s.whatsNext ? { whatsNext: s.whatsNext } : {}),
      quotes: s.quotes,
      actors: s.actors,
      events: s.events,
      outcome: s.outcome,
      significance: s.significance,
      proposals: s.proposals,
    });
  }
  console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
} catch (error) {
  if (error instanceof ValidationError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
}
