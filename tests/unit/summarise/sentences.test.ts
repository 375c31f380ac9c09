import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../functions/domain/summarise/sentences';

// Regression table: each tricky string and the sentences it must split into.
const CASES: Array<[string, string[]]> = [
  [
    'U.S. Special Envoy Steve Witkoff met Putin. He left.',
    ['U.S. Special Envoy Steve Witkoff met Putin.', 'He left.'],
  ],
  ['They met on Dec. 2 in Moscow. Talks ran late.', ['They met on Dec. 2 in Moscow.', 'Talks ran late.']],
  [
    'The senators who voted yes were Sens. Ana Holt and Mia Reyes. Reps. Omar Pike and Li Wen voted no.',
    ['The senators who voted yes were Sens. Ana Holt and Mia Reyes.', 'Reps. Omar Pike and Li Wen voted no.'],
  ],
  [
    'The meeting, set for 5 p.m. local time, began late.',
    ['The meeting, set for 5 p.m. local time, began late.'],
  ],
  ['It began at 5 p.m. The envoys left at 10.', ['It began at 5 p.m.', 'The envoys left at 10.']],
  ['Lt. Gen. Keith Kellogg met Mr. Umerov.', ['Lt. Gen. Keith Kellogg met Mr. Umerov.']],
  ['The deadline is Jan. 1. Kyiv objects.', ['The deadline is Jan. 1.', 'Kyiv objects.']],
  ['Talks with the U.S. The Kremlin agreed.', ['Talks with the U.S.', 'The Kremlin agreed.']],
  ['U.K. Prime Minister Keir Starmer called.', ['U.K. Prime Minister Keir Starmer called.']],
  ['Then J. D. Vance spoke.', ['Then J. D. Vance spoke.']],
  [
    'The envoy was greeted by George W. Bush in Texas.',
    ['The envoy was greeted by George W. Bush in Texas.'],
  ],
  ['The talks were chaired by J. D. Ortiz.', ['The talks were chaired by J. D. Ortiz.']],
  // A lone capital after a lower-case word is a word, not an initial.
  [
    'The minister posted the text on X. Halvorsen said the talks would resume.',
    ['The minister posted the text on X.', 'Halvorsen said the talks would resume.'],
  ],
  [
    'The union called it plan B. Managers declined to comment.',
    ['The union called it plan B.', 'Managers declined to comment.'],
  ],
  ['Dr. Smith and Sen. Jones spoke. Both agreed.', ['Dr. Smith and Sen. Jones spoke.', 'Both agreed.']],
  ['The plan cost $1.5 billion. Nobody paid.', ['The plan cost $1.5 billion.', 'Nobody paid.']],
  [
    '"They want to report to us. I think the next steps will depend on these signals," he said. Talks go on.',
    [
      '"They want to report to us. I think the next steps will depend on these signals," he said.',
      'Talks go on.',
    ],
  ],
  ['"We agreed." Then they left!', ['"We agreed."', 'Then they left!']],
  [
    'The heads of Vell Bros. Pictures and Norland Media joined the talks. They left at noon.',
    ['The heads of Vell Bros. Pictures and Norland Media joined the talks.', 'They left at noon.'],
  ],
  // A quotation opening the sentence keeps the attribution after it; one inside a clause does not.
  ['“There is no deal.” Ambassador Ruiz said.', ['“There is no deal.” Ambassador Ruiz said.']],
  [
    'Okafor wrote that the convoy would "turn back at the border." Chile said it had closed the pass.',
    ['Okafor wrote that the convoy would "turn back at the border."', 'Chile said it had closed the pass.'],
  ],
  [
    'The minister promised to "sign within days." Union leaders said they would wait.',
    ['The minister promised to "sign within days."', 'Union leaders said they would wait.'],
  ],
  ['Is it over? No.', ['Is it over?', 'No.']],
  ['First paragraph\nSecond paragraph', ['First paragraph', 'Second paragraph']],
  [
    'Some proposals look acceptable… the work will continue.',
    ['Some proposals look acceptable… the work will continue.'],
  ],
];

describe('splitSentences', () => {
  it.each(CASES)('%s', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });
});
