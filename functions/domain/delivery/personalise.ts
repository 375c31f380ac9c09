// Render once, personalise cheaply: templates are rendered by React once per issue with these
// placeholder tokens, and each recipient's copy is a string substitution. React never runs per recipient.
import type { RenderedTemplate } from '../issues/types';

export const PLACEHOLDERS = {
  unsubscribeUrl: 'TW_PLACEHOLDER_UNSUBSCRIBE_URL',
  preferencesUrl: 'TW_PLACEHOLDER_PREFERENCES_URL',
  greeting: 'TW_PLACEHOLDER_GREETING',
} as const;

export type PersonalValues = Record<keyof typeof PLACEHOLDERS, string>;

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

const pattern = new RegExp(Object.values(PLACEHOLDERS).join('|'), 'g');
const keyOf = Object.fromEntries(Object.entries(PLACEHOLDERS).map(([k, v]) => [v, k])) as Record<
  string,
  keyof typeof PLACEHOLDERS
>;

type Key = keyof typeof PLACEHOLDERS;
/** A text split at its placeholders once: even indexes are literal text, odd ones placeholder keys. */
type Compiled = (string | Key)[];
interface CompiledTemplate {
  subject: Compiled;
  html: Compiled;
  text: Compiled;
}

// Templates are cached per issue, so each is split once and every recipient's copy is a join.
const compiledTemplates = new WeakMap<RenderedTemplate, CompiledTemplate>();

function compile(text: string): Compiled {
  const parts: Compiled = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), keyOf[match[0]]!);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function fill(parts: Compiled, values: PersonalValues, encode: (s: string) => string): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? parts[i] : encode(values[parts[i] as Key]);
  return out;
}

const asIs = (s: string) => s;

export function personalise(template: RenderedTemplate, values: PersonalValues): RenderedTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    compiled = {
      subject: compile(template.subject),
      html: compile(template.html),
      text: compile(template.text),
    };
    compiledTemplates.set(template, compiled);
  }
  return {
    subject: fill(compiled.subject, values, asIs),
    html: fill(compiled.html, values, escapeHtml),
    text: fill(compiled.text, values, asIs),
  };
}
