// Whether a word is ordinary English: wink-nlp's English model knows about 87,000 words, and a word it
// has never seen is given an id past them. A model's sentence may open on any capitalised word; one the
// vocabulary knows ("Negotiators", "Diplomatic") is not taken for a name, one it does not ("Lavrov") is
// checked against the report like any name. Its own instance with no pipeline, loaded on first use.
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

let vocabulary: { nlp: ReturnType<typeof winkNLP>; firstUnknown: number } | undefined;

function load() {
  const nlp = winkNLP(model, []);
  // Nothing has been read yet, so this made-up word gets the first id past the model's own words.
  const firstUnknown = nlp.readDoc('qxzqjvkw').tokens().out(nlp.its.uniqueId)[0] as unknown as number;
  return { nlp, firstUnknown };
}

export function isEnglishWord(word: string): boolean {
  vocabulary ??= load();
  const { nlp, firstUnknown } = vocabulary;
  const ids = nlp.readDoc(word.toLowerCase()).tokens().out(nlp.its.uniqueId) as unknown as number[];
  return ids.length === 1 && ids[0]! < firstUnknown;
}
