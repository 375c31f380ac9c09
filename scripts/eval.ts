// `npm run eval -- [dir] [--json] [--verbose] [--no-catalogue] [--summariser=offline|bedrock]`: the
// summariser's strict figures on articles with known facts (see scripts/eval-metrics.ts), per article
// and in total. Without a directory it reads the shared dev set (../shared/eval/articles) when it is
// there. With a model (scripts/cli-summariser.ts) it also prints how often the model's answer was not
// used (and, with --verbose, why), the model's median latency and the tokens it took.
import { existsSync } from 'node:fs';
import { shippedCatalogueFor as catalogueFor } from '../functions/catalogue-data';
import { parseDevelopmentText } from '../functions/domain/developments/input';
import { cliSummariser, modelFigures, printModelFigures } from './cli-summariser';
import { type ArticleFigures, loadArticles, measureArticle, total } from './eval-metrics';

const DEFAULT_DIR = '../shared/eval/articles';
const args = process.argv.slice(2).filter((a) => a !== '--');
const json = args.includes('--json');
const verbose = args.includes('--verbose');
// Robustness: the same articles with an empty catalogue, as for a negotiation nobody has catalogued.
const noCatalogue = args.includes('--no-catalogue');
const dir = args.find((a) => !a.startsWith('--')) ?? DEFAULT_DIR;

if (!existsSync(dir)) {
  console.error(
    `No evaluation articles at ${dir}.\n` +
      'Give a folder of NN-slug.txt reports (Title:/URL:/Date: lines, a blank line, the body), each with an\n' +
      'NN-slug.facts.json ({ "must_mention": [...], "quotes": [[speaker, fragment]], "dates": [...],\n' +
      '"significance": "alert" | "digest" }): npm run eval -- <folder>',
  );
  process.exit(2);
}
const articles = loadArticles(dir);
if (articles.length === 0) {
  console.error(`No NN-slug.txt with NN-slug.facts.json in ${dir}.`);
  process.exit(2);
}

const { summariser, name, replies } = await cliSummariser(args);
const fallbacks: Array<{ file: string; reason: string }> = [];
const figures: ArticleFigures[] = [];
for (const article of articles) {
  const input = parseDevelopmentText(article.text, article.file);
  const full = catalogueFor(input.topic);
  const catalogue = noCatalogue ? { ...full, actors: [] } : full;
  const s = await summariser.summarise(input, { catalogue });
  if (s.fallbackReason) fallbacks.push({ file: article.file, reason: s.fallbackReason });
  figures.push(measureArticle(article, s, input.body, full.actors));
}
const t = total(figures);
const model = modelFigures(name, replies, fallbacks, articles.length);

if (json) {
  console.log(JSON.stringify({ articles: figures, total: t, ...(model ? { model } : {}) }, null, 2));
  process.exit(0);
}

const pct = (n: number, d: number) => (d === 0 ? '   –' : `${Math.round((100 * n) / d)}%`.padStart(4));
console.log(
  'article                                  cover  lead3  quotes r/w/n/m   dates  cut dl dg  words  alert',
);
for (const f of figures) {
  const q = f.quotes;
  const alert = f.alert.editor
    ? `${f.alert.ours}${f.alert.ours === f.alert.editor ? '' : ' ✗'}`
    : f.alert.ours;
  console.log(
    `${f.file.slice(0, 40).padEnd(40)} ${pct(f.coverage, f.mentions)}  ${pct(f.baseline, f.mentions)}  ` +
      `${pct(q.right, q.total)} ${q.right}/${q.wrong}/${q.noSpeaker}/${q.missed}`.padEnd(17) +
      `${pct(f.dates.recalled, f.dates.total)}  ${String(f.lines.cut).padStart(3)} ${String(f.lines.datelines).padStart(2)} ${String(f.lines.dangling).padStart(2)}  ${String(f.words).padStart(5)}  ${alert}`,
  );
  if (verbose) {
    console.log(`    headline: ${f.headline}`);
    for (const m of f.headlineMissed) console.log(`    headline missed: ${m}`);
    for (const w of f.wrongQuotes) console.log(`    ${w}`);
    for (const l of f.badLines) console.log(`    line: ${l}`);
  }
}
const q = t.quotes;
console.log(`
TOTAL over ${t.articles} articles (strict: a quote counts only with the right speaker, in full)
  headline facts covered      ${pct(t.coverage, t.mentions)} (${t.coverage}/${t.mentions})   lead-3 at the same length ${pct(t.baseline, t.mentions)} (${t.baseline}/${t.mentions})
  quotes with right speaker   ${pct(q.right, q.total)} (${q.right}/${q.total})   wrong ${q.wrong} · no speaker ${q.noSpeaker} · missed ${q.missed}
  dated events recalled       ${pct(t.dates.recalled, t.dates.total)} (${t.dates.recalled}/${t.dates.total})
  lines cut with … · datelines · dangling openers   ${t.lines.cut} · ${t.lines.datelines} · ${t.lines.dangling} (of ${t.lines.total} lines)
  headline length             ${Math.round(t.words / t.articles)} words on average
  alert level agrees with the editor   ${t.alertAgree} of ${t.alertLabelled}`);
if (model) printModelFigures(model, verbose);
