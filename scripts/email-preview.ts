// `npm run email:preview`: renders every template with its PreviewProps (built from data/) to
// emails/out/<name>.html and .txt, and prints each HTML size, so templates can be checked in a browser
// without the React Email preview server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentType } from 'react';
import { createElement } from 'react';
import { AlertEmail } from '../emails/alert';
import { ConfirmEmail } from '../emails/confirm';
import { DigestEmail } from '../emails/digest';
import { renderElement } from '../emails/render';
import { WelcomeEmail } from '../emails/welcome';

type Previewable = ComponentType<never> & { PreviewProps: object };
const templates: Record<string, Previewable> = {
  digest: DigestEmail as unknown as Previewable,
  alert: AlertEmail as unknown as Previewable,
  confirm: ConfirmEmail as unknown as Previewable,
  welcome: WelcomeEmail as unknown as Previewable,
};

const out = join(process.cwd(), 'emails', 'out');
mkdirSync(out, { recursive: true });
for (const [name, component] of Object.entries(templates)) {
  const { html, text } = await renderElement(createElement(component, component.PreviewProps as never), name);
  writeFileSync(join(out, `${name}.html`), html);
  writeFileSync(join(out, `${name}.txt`), text);
  console.log(`${name.padEnd(8)} ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB  emails/out/${name}.html`);
}
