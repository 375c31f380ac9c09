// Render once, personalise cheaply: templates are rendered by React once per issue with marker tokens
// where each recipient's links go, and each recipient's copy is a string substitution. React never runs
// per recipient.
//
// The markers are drawn at random for every render and stored with the template. Content (a title, a
// source URL, a feed item) cannot know them in advance, so a reader's private links land only where the
// template put them, never inside text that came from a report.
import type { RenderedTemplate } from '../issues/types';

import {
  LEGACY_MARKERS,
  MARKER_KEYS,
  type MarkerKey,
  type PersonalMarkers,
  type PersonalValues,
} from '../link-markers';

export type { MarkerKey, PersonalMarkers, PersonalValues };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A text split at its markers once: even indexes are literal text, odd ones marker keys. */
export type Compiled = (string | MarkerKey)[];
export interface CompiledTemplate {
  subject: Compiled;
  html: Compiled;
  text: Compiled;
}

// Templates are cached per issue, so each is split once and every recipient's copy is a join.
const compiledTemplates = new WeakMap<RenderedTemplate, CompiledTemplate>();

function compile(text: string, markers: PersonalMarkers): Compiled {
  const keyOf = new Map<string, MarkerKey>(MARKER_KEYS.map((k) => [markers[k], k]));
  const parts: Compiled = [];
  let last = 0;
  let at = 0;
  // Plain indexOf scans: the markers are literals, so no pattern is built from stored data.
  while (at < text.length) {
    let next = -1;
    let key: MarkerKey | undefined;
    for (const [marker, k] of keyOf) {
      const i = text.indexOf(marker, at);
      if (i !== -1 && (next === -1 || i < next)) {
        next = i;
        key = k;
      }
    }
    if (next === -1 || !key) break;
    parts.push(text.slice(last, next), key);
    last = at = next + markers[key].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function fill(parts: Compiled, values: PersonalValues, encode: (s: string) => string): string {
  let out = '';
  for (let i = 0; i < parts.length; i++)
    out += i % 2 === 0 ? parts[i] : encode(values[parts[i] as MarkerKey]);
  return out;
}

const asIs = (s: string) => s;

/**
 * The template's subject, HTML and text split at the markers of its own render (cached per template).
 * A MIME builder that encodes the literal parts once per issue (adapters/ses/issue-mime.ts) uses the
 * same split, so links land at the template's positions only, as here.
 */
export function compiledTemplate(template: RenderedTemplate): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    const markers = template.markers ?? LEGACY_MARKERS;
    compiled = {
      subject: compile(template.subject, markers),
      html: compile(template.html, markers),
      text: compile(template.text, markers),
    };
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

/** A recipient's value as it goes in one part: escaped in HTML, as is in text and the subject. */
export function valueIn(part: keyof CompiledTemplate, key: MarkerKey, values: PersonalValues): string {
  return part === 'html' ? escapeHtml(values[key]) : values[key];
}

/** One part of the template with the recipient's values at the template's marker positions. */
export function fillPart(
  template: RenderedTemplate,
  part: keyof CompiledTemplate,
  values: PersonalValues,
): string {
  return fill(compiledTemplate(template)[part], values, part === 'html' ? escapeHtml : asIs);
}

export function personalise(
  template: RenderedTemplate,
  values: PersonalValues,
): Omit<RenderedTemplate, 'markers'> {
  const compiled = compiledTemplate(template);
  return {
    subject: fill(compiled.subject, values, asIs),
    html: fill(compiled.html, values, escapeHtml),
    text: fill(compiled.text, values, asIs),
  };
}
