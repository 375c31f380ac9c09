// Render a template to the HTML and plain-text parts of one email, from one component tree.
import { render } from '@react-email/render';
import { createElement } from 'react';
import { PLACEHOLDERS } from '../functions/domain/delivery/personalise';
import type { IssueTemplateInput } from '../functions/domain/issues/types';
import { AlertEmail } from './alert';
import { ConfirmEmail, type ConfirmEmailProps } from './confirm';
import { DigestEmail } from './digest';
import { WelcomeEmail, type WelcomeEmailProps } from './welcome';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderElement(element: React.ReactElement, subject: string): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

export function renderConfirmEmail(props: ConfirmEmailProps): Promise<RenderedEmail> {
  return renderElement(createElement(ConfirmEmail, props), 'Confirm your Talkwatch subscription');
}

export function renderWelcomeEmail(props: WelcomeEmailProps): Promise<RenderedEmail> {
  return renderElement(createElement(WelcomeEmail, props), 'Welcome to Talkwatch');
}

/**
 * An issue's template, rendered once: links and greeting are placeholders that
 * functions/domain/delivery/personalise.ts fills per recipient with a string substitution.
 */
export function renderIssueTemplate(input: IssueTemplateInput): Promise<RenderedEmail> {
  const common = {
    content: input.content,
    archiveUrl: input.archiveUrl,
    greeting: PLACEHOLDERS.greeting,
    preferencesUrl: PLACEHOLDERS.preferencesUrl,
    unsubscribeUrl: PLACEHOLDERS.unsubscribeUrl,
  };
  const element =
    input.kind === 'alert'
      ? createElement(AlertEmail, common)
      : createElement(DigestEmail, { ...common, frequencies: input.frequencies });
  return renderElement(element, input.content.subject);
}
