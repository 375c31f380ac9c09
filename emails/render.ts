// Render a template to the HTML and plain-text parts of one email, from one component tree.
import { render } from '@react-email/render';
import { createElement } from 'react';
import { ConfirmEmail, type ConfirmEmailProps } from './confirm';
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
