// How much a development matters: an agreement, a rejection, a new or revised proposal, a ceasefire
// step or a meeting between the sides' leaders outranks commentary. Only the report's own voice in its
// title and lead counts: words inside quotations and background sentences (what happened before) do
// not. The score decides between an instant alert and the next digest; the reasons are plain sentences
// an editor can read.

import type { Analysis, Entity, Sentence } from './analysis-types';
import { findDates } from './dates';
import { meetingParticipants } from './events';
import { NATIONALS_PATTERN } from './lexicon';
import type { Significance } from './types';

export const ALERT_THRESHOLD = 5;

const LEADER_ROLE =
  /(?<!vice[- ])\b(?:President|Prime Minister|Chancellor|Premier|King|Emir|Crown Prince|Supreme Leader)\b(?! of the European)/i;
const IRREALIS =
  /\b(?:wants?|wanted|would|could|should|might|must|needs? to|has to|have to|if|unless|threaten(?:s|ed)? to|plans? to|planned to|offered to|proposed|asked for|requested|lobbied for|consider(?:s|ed|ing)?|demanded|insists?|insisted|hopes?|hoped|seeks?|sought|until|whether|called for|pushing for|pushed for|urged?|closer to|close to|nearer to|near to)\b(?:\W+[\w-]+){0,6}\W*$/i;
const NEGATED =
  /(?:\b(?:no|not|without|never|denied|deny|denies|failed to|yet to|refused to)\b|\w+n['’]t\b)(?:\W+\w+){0,4}\W*$/i;
/** "will not sign", "won't accept": a refusal ahead, not talks that ended without a deal. */
const AHEAD = /\b(?:will|would|shall)\s+(?:not|never)\b|\b(?:won|wouldn|shan)['’]t\b/i;
const BACKGROUND =
  /\b(?:previously|has long|long-standing|for years|last year|years ago|since the start of|full-scale invasion|began (?:in|on|almost|nearly))\b/i;

interface Rule {
  reason: string;
  weight: number;
  pattern: RegExp;
  /** Weight when the cue is negated ("no deal was agreed"); absent means the rule is skipped. */
  negatedWeight?: number;
  negatedReason?: string;
  /** Only what has happened: "will travel tomorrow for his first meeting with …" is not yet news. */
  happened?: boolean;
}

const PLANNED =
  /\b(?:will|'ll|is to|are to|(?:is|are) (?:set|due|expected|scheduled|slated) to|plans? to|planning to|ahead of|upcoming|tomorrow|next week)\b/i;

/**
 * What the sides may agree on without agreeing anything of substance: how, when and where to go on
 * talking ("agreed on Friday to continue consultations", "agreed an agenda", "agreed to meet again").
 */
const PROCEDURAL =
  '(?:the |an |a )?(?:next steps|return|go back|come back|get back|intensify|step up|accelerate|speed up|redouble|(?:form|set up|create|establish) (?:a |an )?(?:[\\w-]+ ){0,2}(?:working group|group|committee|mechanism|task force|commission)s?|(?:a |an )?new (?:[\\w-]+ ){0,2}(?:working group|group|committee|mechanism|task force|commission|forum|channel)s?|formats?|continue|keep|reconvene|regroup|reassemble|press ahead|push ahead|press on|proceed|carry on|(?:stay|remain|keep) in (?:close |regular )?(?:touch|contact)|maintain (?:the |their |close )?(?:dialogue|contacts?|communication|channels)|meet|hold|further talks|report back|resume (?:the |their |direct |formal )?(?:talks|negotiations|dialogue|consultations|contacts|discussions|meetings)|an agenda|agenda|timetable|schedule|venue|date|dates|procedure|rules of procedure|work programme|seek|try|explore|consider|study|discuss|re-examine|reexamine|examine|review|revisit|reconsider|look again at|take (?:another|a fresh|a new) look at|work (?:on|toward|towards))';
const AGREED = '\\bagreed(?: (?:early |late )?(?:on )?(?:early |late )?\\w+day)?';

/** Who an exchange or release frees: prisoners of any kind, or people named by their nationality. */
const FREED = `prisoners|captives|detainees|POWs|hostages|abductees|schoolgirls|schoolboys|schoolchildren|nationals|citizens|fighters|soldiers|servicemen|service members|servicewomen|troops|commanders|civilians|journalists|activists|${NATIONALS_PATTERN}`;
/** Citizens a state held, freed by a deal between governments: not soldiers traded in a war. */
const DETAINED = `nationals|citizens|journalists|activists|${NATIONALS_PATTERN}`;

const RULES: Rule[] = [
  {
    reason: 'The sides agreed how to go on talking.',
    weight: 2,
    pattern: new RegExp(`${AGREED} (?:on |to |upon )?${PROCEDURAL}\\b`, 'i'),
  },
  {
    reason: 'An agreement was signed or reached.',
    weight: 6,
    pattern:
      /\b(?:signed|inked|initial(?:l)?ed|sealed|AGREED_SUBSTANCE|(?:completed|concluded|finished) (?:the |their |its )?negotiations|settle[sd]? (?:a |the |their |its )?(?:[\w-]+['’]?s? ){0,3}?(?:dispute|strike|row|conflict|lawsuit|suit|case|claims)|close[sd]? (?!to\b|in\b)(?:a |the |their )?(?:[\w-]+ ){0,2}?deal|accepted (?:a |the )?(?:deal|agreement|ceasefire|truce|proposal|plan)|finali[sz]ed (?:the )?(?:text|deal|agreement|treaty)|(?:reached|reaches|reach|clinched|secured) (?:an? |the )?(?:[\w$.,'‘’“”"-]+ ){0,3}?['‘’“”"]?(?:deal|agreement|accord|consensus|understanding|settlement|contract|arrangement)s?|announced (?:an? |the )?(?:[\w$.,-]+ ){0,3}?(?:deal|agreement|accord|pact)|(?:deal|agreement|accord|pact) (?:was )?announced|(?:resulted in|produced|yielded) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:deal|agreement|accord)|(?<!to )(?:seals?|inks?|signs?|strikes?|clinch(?:es)?) (?:an? |the |their )?(?:[\w$.,-]+ ){0,3}?(?:deal|agreement|accord|treaty|pact)|agree(?:d|ing|s)? (?:new )?(?:[\w$.,-]+ ){0,2}?deals\b|(?<!\bto )agree[sd]? (?!to\b|on\b)(?:an? |the )?(?:[\w-]+ ){0,2}?(?:deal|agreement|accord|pact|treaty)\b|struck (?:a |the )?(?:[\w-]+ ){0,2}?deal|(?:adopt(?:s|ed)?|approv(?:es|ed)|endorse[sd]) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:accord|treaty|agreement|text|declaration|deal)s?|worked out an understanding|(?:peace |trade )?deal (?:was )?(?:signed|reached|struck))\b/i,
    negatedWeight: 3,
    negatedReason: 'Talks ended without an agreement.',
  },
  {
    reason: 'A side accepted a proposal.',
    weight: 5,
    pattern:
      /(?<![-\w])(?:accept(?:s|ed)?|backs|backed|endorse[sd]?|approve[sd]?|ratifie[sd]|ratify)\b (?:(?:an?|the|its|their) )?(?:[\w.'’-]+ ){0,4}?(?:deal|agreement|accord|ceasefire|cease-fire|truce|proposal|plan|offer|framework|treaty)\b/i,
  },
  {
    // A round that ends without a deal is news only with more: a summit, a walkout, a deadline passed.
    reason: 'Talks ended without an agreement.',
    weight: 3,
    pattern:
      /\b(?:summit|talks|meeting|negotiations|round|conference|session|ministerial)\b[^.;]{0,80}\b(?:ended|ends|closed|closes|concluded|wrapped up|broke up)\b[^.;]{0,30}\bwithout (?:an? |any )?(?:[\w-]+ ){0,2}?(?:deal|deals|agreement|accord|breakthrough|document|consensus|declaration|communiqu[eé])\b/i,
  },
  {
    // "rejected Trump's assertion that …", "dismissed the claims": denying what someone said is
    // commentary, not a proposal turned down.
    reason: 'A proposal was rejected.',
    weight: 5,
    pattern:
      /\b(?:refused|refuses)\b(?! to (?:say|comment|discuss|elaborate|disclose|confirm|deny|specify|answer|give|provide|name|speculate|be drawn)\b)|\b(?:(?:rejected|rejects|dismissed|dismisses)(?! (?:(?:an?|the|his|her|its|their|such|these|those|this|that) )?(?:[\w.'’-]+ ){0,4}?(?:assertions?|claims?|accusations?|allegations?|charges?|criticism|remarks?|comments?|statements?|reports?|characteri[sz]ations?|assessments?|suggestions?|notions?|insinuations?|descriptions?|portrayals?|narratives?)\b)|ruled out|walked out|broke off (?:the |its |their )?(?:[\w-]+ )?(?:talks|negotiations|relations|contacts?|dialogue)|suspend(?:ed|s)? (?:the |its |their )?(?:[\w-]+ ){0,2}(?:talks|negotiations|dialogue)|pulled out|rebuff(?:ed|s|ing)?|turned down|spurned)\b/i,
  },
  {
    // "ordered the resumption of operations", "back-to-work legislation", "ordered the strikers back to
    // work": a government ending a strike by order.
    reason: 'A strike was ordered to end.',
    weight: 5,
    pattern:
      /\b(?:order(?:s|ed)?|direct(?:s|ed)?)\b[^.;]{0,80}?\b(?:resumption of (?:operations|work|service|services)|return to work|back to work|end (?:to )?the strike)\b|\bback-to-work (?:order|legislation|law|bill)\b/i,
    negatedWeight: 0,
  },
  {
    // "The congress decided to dissolve the organisation and end the armed struggle", "agreed to disarm":
    // an armed side giving up its arms or its existence.
    reason: 'An armed group decided to disband or lay down its arms.',
    weight: 5,
    pattern:
      /\b(?:decided|decides|agreed|agrees|announced|announces|voted|votes|pledged|began|begins)\b[^.;]{0,40}?\b(?:dissolv(?:e|ing)|disband(?:ing)?|disarm(?:ing)?|lay(?:ing)? down (?:its|their) (?:arms|weapons)|end(?:ing)? (?:the |its |their )?(?:method of )?armed struggle)\b|\b(?:will|would) (?:dissolve|disband|disarm) itself\b|\bannounce[sd]? (?:its |their )?dissolution\b/i,
    negatedWeight: 0,
  },
  {
    // "Russia quit the grain deal", "withdrew from the accord": a side leaving what was agreed.
    reason: 'A side withdrew from an agreement.',
    weight: 5,
    pattern:
      /\b(?:quit|quits|quitting|withdr[ae]w from|withdraws from|withdrawn from|pulled out of|pulls out of|exited|exits|walked away from|walks away from|terminated|terminates|tore up|tears up|scrapped|scraps|abandoned|abandons|suspended (?:its |their )?participation in)\b (?:(?:the|a|an|its|their) )?(?:[\w.'’-]+ ){0,4}?(?:deal|agreement|accord|treaty|pact|initiative|arrangement|ceasefire|truce)\b/i,
    negatedWeight: 0,
  },
  {
    // "The Senate passed legislation to reopen the government", "member states voted to postpone …":
    // a vote that decides the matter.
    reason: 'A vote decided the matter.',
    weight: 5,
    pattern:
      /\b(?:passed|passes|approved|approves|ratified|ratifies|adopted|adopts)\b (?:an? |the |its )?(?:[\w$.,-]+ ){0,3}?(?:bill|legislation|law|budget|resolution|measure|motion)s?\b|\bvoted (?:\d+[-–]\d+ )?(?:overwhelmingly |narrowly )?(?:to|for|against|in favou?r of)\b|\b(?:resolution|bill|legislation|measure|motion)\b[^.;]{0,60}\b(?:was|were|has been|had been) (?:unanimously )?(?:adopted|passed|approved|ratified)\b|\b(?:adopted|passed|approved|ratified) (?:unanimously|(?:by|with) (?:\d+|[a-z]+) votes?)\b/i,
    negatedWeight: 0,
  },
  {
    // "The EU formally adopted its 19th package of sanctions", "Washington imposed sanctions on …":
    // pressure put on a side in the talks.
    reason: 'New sanctions were imposed.',
    weight: 5,
    pattern:
      /\b(?:adopted|adopts|imposed|imposes|approved|approves|slapped|unveiled|unveils)\b (?:(?:its|their|a|an|the|new|fresh|sweeping|further) )*(?:[\w-]+ ){0,2}?(?:sanctions|package of sanctions|sanctions package)\b/i,
    negatedWeight: 0,
  },
  {
    // "The US will lower tariffs on Swiss imports to 15%", "won an exemption from US sanctions", "the
    // duties were suspended": pressure on a side eased, the concession trade and sanctions talks are for.
    reason: 'Tariffs or sanctions were cut, lifted or waived.',
    weight: 5,
    pattern:
      /\b(?:lower(?:s|ed)?|cut(?:s)?|reduc(?:e|es|ed)|lift(?:s|ed)?|suspend(?:s|ed)?|paus(?:e|es|ed)|waiv(?:e|es|ed)|remov(?:e|es|ed)|scrap(?:s|ped)?|eas(?:e|es|ed)|halv(?:e|es|ed)|slash(?:es|ed)?) (?:(?:its|their|the|all|some|most) )?(?:[\w%$.,'’-]+ ){0,3}?(?:tariffs?|duties|levies|sanctions)\b|\b(?:exemptions?|waivers?|carve-outs?|reprieve|exceptions?) from (?:(?:the|its|their) )?(?:[\w.'’-]+ ){0,3}?(?:sanctions|tariffs?|duties|levies)\b|\b(?:wins?|won|secures?|secured|gets?|got|obtain(?:s|ed)?|granted|grants?|given) (?:(?:an?|the) )?(?:[\w.'’-]+ ){0,3}?(?:tariff cuts?|tariff relief|sanctions relief|exemptions?|waivers?|carve-outs?|reprieve)\b|\b(?:tariffs?|duties|levies|sanctions)\b[^.;]{0,40}\b(?:was|were|have been|had been|will be) (?:lifted|eased|suspended|paused|cut|lowered|reduced|waived|removed|scrapped|halved)\b/i,
    negatedWeight: 0,
  },
  {
    reason: 'A ceasefire or truce took effect.',
    weight: 5,
    pattern:
      /\b(?:ceasefire|cease-fire|truce)\s+(?:[\w-]+\s+){0,4}?(?:took (?:hold|effect)|takes effect|came into (?:force|effect)|began|begins|went into effect|is holding)\b/i,
    negatedWeight: 0,
  },
  {
    // A ceasefire named is not a ceasefire agreed: the rule needs the agreeing verb.
    reason: 'A ceasefire or prisoner exchange was agreed or took effect.',
    weight: 5,
    pattern:
      /\b(?:agreed|agree|agrees|announced|announces|declared|declares|reached|brokered|negotiated|accepted|signed|struck|approved)\b[^.;]{0,60}\b(?:ceasefire|cease-fire|truce|prisoner (?:exchange|swap)|exchange of prisoners|moratorium|pause in strikes|humanitarian pause)\b|\b(?:ceasefire|cease-fire|truce|moratorium)\b[^.;]{0,30}\b(?:was|has been|had been|is)\s+(?:agreed|announced|declared|reached|brokered)\b/i,
    negatedWeight: 1,
    negatedReason: 'A ceasefire was sought but not agreed.',
  },
  {
    // People going home is the news an exchange's readers wait for, whoever brokered it.
    reason: 'Prisoners or hostages were exchanged or freed.',
    weight: 5,
    pattern: new RegExp(
      `\\b(?:exchanged|swapped|freed|released|handed over)\\b[^.;]{0,40}\\b(?:${FREED})\\b|\\b(?:${FREED})\\b (?:(?:were|was|have been|had been) )?(?:freed|released)\\b|\\b(?:completed|carried out|conducted|began)\\b[^.;]{0,40}\\b(?:prisoner (?:exchange|swap)|exchange of prisoners|swap)\\b|\\b(?:frees|freed|released|releases|swapped|exchanged|hands over|handed over)\\b[^.;]{0,80}\\bin (?:an? |the |their )?(?:[\\w-]+ ){0,3}?(?:swap|exchange)\\b|\\b(?:returned|brought (?:back|home))\\b[^.;]{0,60}\\bfrom (?:[\\w-]+ )?captivity\\b|\\b(?:exchange|swap) of (?:[\\d,]+ )?(?:${FREED})\\b|\\b(?:exchange|swap)\\b (?:was |has been )?(?:carried out|completed|conducted)\\b`,
      'i',
    ),
  },
  {
    // "Russia to get Alexander Vinnik in exchange for Oakmont teacher Marc Fogel": a person traded for a
    // person (the name in capitals, so the rule keeps its case).
    reason: 'Prisoners or hostages were exchanged or freed.',
    weight: 5,
    pattern:
      /\b[Ii]n (?:an? )?(?:[Ee]xchange|[Ss]wap|[Tt]rade) for (?:[\p{L}-]+ ){0,4}?\p{Lu}[\p{Ll}'’-]+ \p{Lu}[\p{Ll}'’-]+(?![\p{L}'’-])(?![ -]\p{Ll})/u,
  },
  {
    // "Iran freed five Americans", "the Taliban released two Americans in exchange for …": citizens held
    // abroad coming home is a deal between governments, an alert on its own.
    reason: 'Citizens held abroad were freed.',
    weight: 5,
    pattern: new RegExp(
      `\\b(?:freed|released|frees|releases|free|release)\\b (?:(?:two|three|four|five|six|seven|eight|nine|ten|\\d+) )?(?:${DETAINED})\\b|\\b(?:${DETAINED})\\b (?:(?:were|was|have been|had been) )?(?:freed|released)\\b|\\bin (?:a )?(?:swap|exchange) for (?:(?:two|three|four|five|six|seven|eight|nine|ten|\\d+) )?(?:${DETAINED})\\b`,
      'i',
    ),
  },
  {
    reason: 'A new or revised proposal was put on the table.',
    weight: 4,
    pattern:
      /\b(?:drafted|revised|updated|refined|amended|new draft|unveiled|presented|proposed|put forward|tabled)\b[^.]{0,60}\b(?:plan|framework|proposal|draft|document|text|offer|roadmap)\b|\b\d+-point\b/i,
  },
  {
    reason: 'Talks broke down or ended in open conflict.',
    weight: 5,
    pattern:
      /\b(?:(?:paused|halted|suspended|froze|frozen|cut off|pauses|halts|suspends|freezes) (?:all |some )?(?:[\w,-]+ ){0,3}?(?:aid|assistance|intelligence sharing|intelligence|weapons deliveries|arms deliveries|military support|shipments|deliveries)|broke down|collapsed|collapses|recall(?:ed|s)? (?:its |their )?(?:negotiating )?(?:teams?|negotiators|delegations?)|shouting match|stormed out|walked out|walked away from|berated|castigated?|scolded|clashed|blew up|called off|(?:cancell?ed|postponed) (?:the |a )?(?:\w+ )?(?:summit|meeting|talks)|suspended (?:the )?talks|(?:cut|cuts) off (?:the |all )?(?:[\w-]+ )?(?:talks|negotiations|dialogue)|(?:ended|ends|terminated|terminates|halted|halts) (?:the |all )?(?:[\w-]+ )?(?:talks|negotiations)|(?:declared|announced) an end to (?:the |all )?(?:[\w-]+ )?(?:talks|negotiations))\b|\b(?:summit|meeting|talks)\b[^.;]{0,80}\b(?:has been|have been|was|were|is) (?:postponed|cancell?ed|called off|shelved|scrapped|on ice)\b/i,
  },
  {
    reason: 'A summit was held or agreed.',
    weight: 4,
    pattern:
      /\b(?:(?:summit|conference|ministerial) (?:was |is )?(?:held|opened|agreed|announced|convened|took place|ended|ends|closed|closes|concluded)|summit with [^.;]{0,60}\b(?:ended|closed|concluded)\b|(?:held|hosted|attended|opened|convened) (?:a |the )?(?:\w+ )?summit|at (?:a |the )?(?:\w+ )?summit)\b/i,
    negatedWeight: 0,
  },
  {
    // "ended with agreement to set up a fund": part of what was negotiated was settled.
    reason: 'The sides agreed on part of the issues.',
    weight: 4,
    pattern: /\b(?:with|reached) (?:an? )?agreement (?:to|on)\b/i,
    negatedWeight: 0,
  },
  {
    // "the first meeting of the two foreign ministers since the invasion", "first talks in five years".
    reason: 'The sides met for the first time in years, or since the conflict began.',
    weight: 5,
    happened: true,
    pattern:
      /\bfirst (?:(?:ever|known|publicly known|official|formal) )?(?:direct|face-to-face|three-way|trilateral|in-person) (?:talks|meetings?|negotiations|discussions|contacts?)\b|\bfirst (?:[\w-]+ ){0,3}?(?:meeting|talks|round|summit|negotiations|time)\b[^.;]{0,80}?\b(?:since (?:the |its |their )?(?:start|beginning|outbreak|war|invasion|conflict|full-scale|Moscow|Russia)|in (?:more than |over |nearly )?(?:\w+ )?(?:years|decades))\b/i,
    negatedWeight: 0,
  },
  {
    // "another prisoner exchange", "a third round of talks": more of what has happened before.
    reason: 'A further round of something that has happened before.',
    weight: -1,
    pattern:
      /\b(?:another|yet another|a further|the latest)\b|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) round\b/i,
  },
  {
    // "what it calls the final text", "a final offer": take it or leave it.
    reason: 'A final text or offer was put to the sides.',
    weight: 2,
    pattern: /\b(?:final|last|best and final) (?:text|offer|proposal|draft|package)\b/i,
    negatedWeight: 0,
  },
  {
    // The report's own words for a first or a record ("the biggest exchange since the Cold War").
    reason: 'The report calls it a first or a record.',
    weight: 1,
    pattern:
      /\b(?:biggest|largest|most significant|historic|landmark|first-ever|unprecedented|breakthrough)\b/i,
    negatedWeight: 0,
  },
  {
    // "Trump gives Russia 50 days to make a deal", "threatened tariffs unless it agrees": take it or pay.
    reason: 'A side set an ultimatum.',
    weight: 5,
    pattern:
      /\b(?:gives?|gave|given|sets?|issued|issues)\b[^.;]{0,40}?\b(?:\d+|[a-z]+) (?:days|hours) to\b|\b(?:issued|issues|gave|gives|set|sets|delivered|delivers|served|serves|imposed|imposes)\b (?:(?:an?|the|its|their|his|her) )?(?:[\w-]+ ){0,2}?ultimatum\b|\bthreaten(?:s|ed)?\b[^.;]{0,80}?\bunless\b/i,
    negatedWeight: 0,
  },
  {
    reason: 'A deadline was set or is near.',
    weight: 1,
    pattern: /\b(?:deadline|ultimatum|until (?:\w+\.? )?\d{1,2}\b)/i,
  },
  {
    reason: 'The report is commentary or analysis.',
    weight: -3,
    pattern:
      /\b(?:analysts? (?:say|said|believe)|experts? (?:say|said|believe)|opinion|op-ed|commentary|column|analysis:|speculat\w*)\b/i,
  },
];

// "agreed to a ceasefire", "agreed that …", "agreed a deal": agreeing anything but how to go on talking.
const agreement = RULES.find((r) => r.reason === 'An agreement was signed or reached.')!;
agreement.pattern = new RegExp(
  agreement.pattern.source.replace(
    'AGREED_SUBSTANCE',
    `(?:${AGREED.slice(2)}|(?<!\\bto )agree[s]?|agreeing) (?:to|on|upon|that|an?|the)(?! ${PROCEDURAL}\\b)(?! \\w+day\\b)(?<!that)|(?:${AGREED.slice(2)}|agree[s]?|agreeing) that(?! (?:[\\w-]+ ){1,4}(?:(?:would|will) (?:start|begin|continue|meet|resume|hold|work)|needs? to|should|must)\\b)`,
  ),
  'i',
);

const MEETING = /\b(?:met|meet|meeting|talks|summit|call|called|phone|spoke|talked|hosted|visit(?:ed)?)\b/i;

export function scoreSignificance(a: Analysis): Significance {
  const reasons = new Map<string, number>();
  const note = (reason: string, weight: number) => {
    reasons.set(reason, Math.max(reasons.get(reason) ?? Number.NEGATIVE_INFINITY, weight));
  };
  // The title and the lead carry the news; later sentences are often background.
  const lead: Array<{ text: string; sentence?: Sentence }> = [
    { text: a.title },
    ...a.sentences.slice(0, 4).map((s) => ({ text: ownVoice(s), sentence: s })),
  ];
  // The report's first sentence of prose: the one place a meeting named only by a noun is the news.
  const leadSentence = a.sentences.slice(0, 4).find((s) => s.tokens.length >= 8);
  for (const { text, sentence } of lead) {
    if (sentence && isBackground(sentence, a)) continue;
    for (const rule of RULES) {
      for (const m of text.matchAll(
        new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}g`),
      )) {
        const before = text.slice(0, m.index ?? 0);
        // "Kyiv wants the guarantees signed", "if a deal is reached": wished for, not happened.
        // Only the match's own clause counts: "he would not restore it, rebuffing an appeal" rebuffs.
        const clause = before.slice(before.lastIndexOf(',') + 1);
        if (rule.weight > 0 && IRREALIS.test(clause)) continue;
        if (rule.happened && PLANNED.test(before)) continue;
        // "the armed groups that signed the accord": a relative clause on a plural noun tells who they are.
        if (rule.weight > 0 && /\b\p{L}{3,}s (?:that|who) (?:had |have )?$/iu.test(before)) continue;
        // "came two months after the sides reached an agreement", "the declaration they signed in Doha
        // on July 19": what happened weeks before is background, even in a sentence about today.
        if (rule.weight > 0 && (PRIOR.test(before) || datedBefore(text, (m.index ?? 0) + m[0].length, a)))
          continue;
        const negated = NEGATED.test(clause);
        if (!negated) note(rule.reason, rule.weight);
        else if (rule.negatedWeight !== undefined && !(rule.negatedReason && AHEAD.test(clause)))
          note(rule.negatedReason ?? rule.reason, rule.negatedWeight);
      }
    }
    if (sentence && MEETING.test(text)) noteMeeting(sentence, note, sentence === leadSentence);
    if (sentence && !isBackground(sentence, a) && freesNamedPerson(sentence))
      note('Prisoners or hostages were exchanged or freed.', 5);
  }
  // One meeting told in several sentences counts once, at its highest level.
  const meetings = [...reasons.entries()].filter(([r]) => MEETING_REASONS.has(r)).sort((x, y) => y[1] - x[1]);
  for (const [r] of meetings.slice(1)) reasons.delete(r);
  const score = [...reasons.values()].reduce((sum, w) => sum + w, 0);
  const ordered = [...reasons.entries()].sort((x, y) => y[1] - x[1]).map(([r]) => r);
  return { score, level: score >= ALERT_THRESHOLD ? 'alert' : 'digest', reasons: ordered };
}

const PRIOR =
  /\b(?:a day|\w+ days|a week|\w+ weeks|weeks|months|years|a month|a year|decades) (?:after|since)\b[^.;]{0,60}$|\b(?:first time|first \w+) since (?:[\w'’-]+ ){0,5}$/i;

/** A date right after the match ("signed … on July 19") that lies a week or more before publication. */
function datedBefore(text: string, from: number, a: Analysis): boolean {
  const clause = text.slice(from, from + 40).split(/[,;]/)[0]!;
  const date = findDates(clause, a.published)[0];
  if (!date) return false;
  return date.date.length === 10
    ? Date.parse(date.date) < a.published.getTime() - 7 * 86_400_000
    : date.date < a.published.toISOString().slice(0, 7);
}

/** The sentence without its quotations: what the report itself says happened. */
function ownVoice(s: Sentence): string {
  let out = s.text;
  for (const q of [...s.quotes].reverse()) out = `${out.slice(0, q.start)}…${out.slice(q.end)}`;
  return out;
}

/** A sentence about the past of the story: background wording, or only dates weeks before publication. */
function isBackground(s: Sentence, a: Analysis): boolean {
  // Judged on the main clause: "an agreement that could end a standoff that began in 2020" is news.
  // "…adopted the accord on Tuesday, more than three years after negotiations began": the clause after
  // the comma dates what came before.
  const mainClause = ownVoice(s).split(
    /,?\s+(?:which|who|that|whom|where)\s+|,\s+(?=(?:[\w-]+\s+){0,4}(?:after|since|before)\b)/,
  )[0]!;
  // "the first meeting since the full-scale invasion" tells how new today's news is.
  if (BACKGROUND.test(mainClause) && !/\bfirst\b[^.;]{0,80}\bsince\b/i.test(mainClause)) return true;
  // Days a week or more before publication, or months before the publication month ("last month").
  const month = a.published.toISOString().slice(0, 7);
  // "… a strike that began nearly 11 months ago": a date inside a relative clause dates the noun, not
  // the news.
  const dates = findDates(mainClause, a.published);
  const past = (d: { date: string }) =>
    d.date.length === 10
      ? Date.parse(d.date) < a.published.getTime() - 7 * 86_400_000
      : d.date.length === 7 && d.date < month;
  return dates.length > 0 && dates.every(past);
}

const MEETING_REASONS = new Set([
  "The sides' leaders met or spoke.",
  'A leader met or spoke with the other side.',
  "The sides' negotiators met.",
]);

/** Who met: leaders of two sides, a leader with the other side, or negotiators of two sides. */
function noteMeeting(s: Sentence, note: (reason: string, weight: number) => void, lead: boolean): void {
  const people = (meetingParticipants(s) ?? (lead ? talksSubjects(s) : [])).filter(
    (e) => e.kind === 'person' && !e.reporter,
  );
  const sides = new Set(people.map((p) => p.side ?? p.countries[0] ?? `?${p.name}`));
  // "former Nigerian President Olusegun Obasanjo" mediates; he leads no side.
  const leaders = people.filter((p) =>
    p.roles.some((r) => LEADER_ROLE.test(r) && !/^(?:former|ex-|retired|late)\b/i.test(r)),
  );
  if (leaders.length >= 2 && sides.size >= 2) note("The sides' leaders met or spoke.", 5);
  else if (leaders.length >= 1 && people.length >= 2 && sides.size >= 2) {
    note('A leader met or spoke with the other side.', 4);
  } else if (people.length >= 2 && sides.size >= 2) note("The sides' negotiators met.", 2);
}

/**
 * "Trump and Zelenskyy said … after talks at Mar-a-Lago": the meeting named by a noun, not a verb; who
 * took part is the clause's subject.
 */
function talksSubjects(s: Sentence): Entity[] {
  if (
    !/\b(?:after|during|following|at the end of|at)\s+(?:(?:their|the|two|[\w-]+-hour|lengthy|long|face-to-face|closed-door)\s+){0,2}(?:talks|meeting|summit)\b/i.test(
      ownVoice(s),
    )
  )
    return [];
  const verb = s.tokens.findIndex((t, i) => !s.quoted[i] && (t.pos === 'VERB' || t.pos === 'AUX'));
  const out: Entity[] = [];
  for (const m of s.mentions)
    if (m.to <= verb && !m.inQuote && !m.possessive && m.entity && !out.includes(m.entity))
      out.push(m.entity);
  return out;
}

/**
 * "Belarus freed Siarhei Tsikhanouski, the jailed husband of …", "the junta released the opposition
 * leader Ana Ruiz": a person the report names, set free. Not "released a statement", not someone who
 * would or did not free them.
 */
function freesNamedPerson(s: Sentence): boolean {
  return s.tokens.some((t, k) => {
    if (
      s.quoted[k] ||
      t.pos !== 'VERB' ||
      !/^(?:freed|frees|released|releases|pardoned|pardons)$/i.test(t.text)
    )
      return false;
    const before = s.text.slice(0, t.start);
    const clause = before.slice(before.lastIndexOf(',') + 1);
    if (IRREALIS.test(clause) || NEGATED.test(clause) || PLANNED.test(clause)) return false;
    const freed = s.mentions
      .filter((m) => m.from > k && m.from <= k + 4 && !m.inQuote && !m.possessive)
      .sort((x, y) => x.from - y.from)[0];
    // Only what stands between the verb and the name: "the jailed opposition leader", "activist".
    const between = s.tokens.slice(k + 1, freed?.from ?? k + 1);
    return (
      freed?.kind === 'name' &&
      // A journalist freed is news too ("the jailed editor"), so the reporter flag does not count here.
      freed.entity?.kind === 'person' &&
      between.every((b) => /^(?:DET|ADJ|NOUN)$/.test(b.pos))
    );
  });
}
