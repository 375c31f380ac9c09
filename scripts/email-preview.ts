// `npm run email:preview`: renders every email (HTML and text) to emails/out/, then screenshots each in
// headless Chromium at 390 px and 1280 px, light and dark (emails/out/<name>-<width>-<scheme>.png). The
// digest and alert hold the reports in data/developments/ as the real summariser reads them today.
// `-- --readme` also refreshes the digest screenshot the README shows (docs/digest-390-light.png).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { AlertEmail } from '../emails/alert';
import { ConfirmEmail } from '../emails/confirm';
import { DigestEmail } from '../emails/digest';
import { renderElement } from '../emails/render';
import { WelcomeEmail } from '../emails/welcome';
import { launchChromium, openPage, type Scheme } from './chromium';
import { previewIssues } from './preview-issue';

const site = 'http://localhost:3000';
const links = {
  preferencesUrl: `${site}/preferences?token=preview`,
  unsubscribeUrl: `${site}/unsubscribe?token=preview`,
};
const { digest, alert, state } = previewIssues();
const storyUrl = `${site}/topics/${digest.topic}`;

const emails = {
  digest: createElement(DigestEmail, {
    content: digest,
    frequencies: ['daily'],
    archiveUrl: `${site}/archive/preview`,
    storyUrl,
    ...links,
  }),
  alert: createElement(AlertEmail, {
    content: alert,
    archiveUrl: `${site}/archive/preview`,
    storyUrl,
    ...links,
  }),
  confirm: createElement(ConfirmEmail, ConfirmEmail.PreviewProps),
  welcome: createElement(WelcomeEmail, { ...WelcomeEmail.PreviewProps, stateOfPlay: state }),
};

const out = join(process.cwd(), 'emails', 'out');
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const [name, element] of Object.entries(emails)) {
    const { html, text } = await renderElement(element, name);
    writeFileSync(join(out, `${name}.html`), html);
    writeFileSync(join(out, `${name}.txt`), text);
    const shots: string[] = [];
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark'] as Scheme[]) {
        const page = await openPage(browser, width, scheme);
        await page.setContent(html, { waitUntil: 'load' });
        const file = `${name}-${width}-${scheme}.png`;
        await page.screenshot({ path: join(out, file), fullPage: true });
        await page.close();
        shots.push(file);
      }
    }
    console.log(
      `${name.padEnd(8)} ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB  emails/out/${name}.html  ${shots.join(' ')}`,
    );
  }
} finally {
  await browser.close();
}
if (process.argv.includes('--readme')) {
  mkdirSync('docs', { recursive: true });
  copyFileSync(join(out, 'digest-390-light.png'), join('docs', 'digest-390-light.png'));
  console.log('docs/digest-390-light.png updated');
}
