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

export function personalise(template: RenderedTemplate, values: PersonalValues): RenderedTemplate {
  const fill = (encode: (s: string) => string) => (token: string) => encode(values[keyOf[token]!]);
  return {
    subject: template.subject.replace(
      pattern,
      fill((s) => s),
    ),
    html: template.html.replace(pattern, fill(escapeHtml)),
    text: template.text.replace(
      pattern,
      fill((s) => s),
    ),
  };
}
