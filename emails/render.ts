// Render a template to the HTML and plain-text parts of one email, from one component tree.

import { randomBytes } from 'node:crypto';
import { render } from '@react-email/render';
import { createElement } from 'react';
import type { IssueTemplateInput, RenderedTemplate } from '../functions/domain/issues/types';
import { markersFor } from '../functions/domain/link-markers';
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
 * An issue's template, rendered once: the reader's links are markers, drawn at random for this render,
 * that functions/domain/delivery/personalise.ts fills per recipient with a string substitution.
 */
export async function renderIssueTemplate(input: IssueTemplateInput): Promise<RenderedTemplate> {
  const markers = markersFor(randomBytes(16).toString('hex'));
  // The site's base: archive URLs are `<base>/archive/<id>`.
  const site = input.archiveUrl.replace(/\/archive\/[^/]*$/, '');
  const common = {
    content: input.content,
    archiveUrl: input.archiveUrl,
    storyUrl: `${site}/topics/${encodeURIComponent(input.content.topic)}`,
    preferencesUrl: markers.preferencesUrl,
    unsubscribeUrl: markers.unsubscribeUrl,
  };
  const element =
    input.kind === 'alert'
      ? createElement(AlertEmail, common)
      : createElement(DigestEmail, { ...common, frequencies: input.frequencies });
  return { ...(await renderElement(element, input.content.subject)), markers };
}
