/** @jsxImportSource hono/jsx */
// The frame of every server-rendered page (subscription flow, archive, issues, story pages, errors):
// one font, one palette (the emails' theme), light and dark, a masthead linking home and the archive,
// the Atom feed as <link rel="alternate"> and in the footer, and a favicon the app serves itself.
// No JavaScript anywhere (every action is a plain form); styles are one <style> element, so the pages
// work under a Content-Security-Policy of `default-src 'none'; style-src 'unsafe-inline'`.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { theme } from '../../../emails/theme';

const d = theme.dark;
const css = `
:root{color-scheme:light dark;--fg:${theme.text};--muted:${theme.muted};--accent:${theme.accent};--on-accent:${theme.onAccent};--bg:${theme.background};--card:${theme.card};--line:${theme.border};--err:#b42318}
@media (prefers-color-scheme:dark){:root{--fg:${d.text};--muted:${d.muted};--accent:${d.accent};--on-accent:${d.onAccent};--bg:${d.background};--card:${d.card};--line:${d.border};--err:#ff8a80}}
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.55 ${theme.font};background:var(--bg);color:var(--fg);overflow-wrap:break-word}
a{color:var(--accent)}a:hover{text-decoration-thickness:2px}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}
.top{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem;padding:1rem 0 .5rem}
.brand{font-weight:700;text-decoration:none;font-size:1.125rem}
.top nav{display:flex;flex-wrap:wrap;gap:1rem;font-size:.9375rem}
main{background:var(--card);padding:1.25rem;border-radius:6px;margin:.5rem 0 1rem}
@media (min-width:40rem){main{padding:1.75rem 2rem}}
h1{font-size:1.625rem;line-height:1.25;margin:.25rem 0 .5rem}h2{font-size:1.25rem;margin:1.75rem 0 .5rem}
h3{font-size:1.0625rem;margin:1.25rem 0 .25rem}p{margin:0 0 .75rem}
.muted{color:var(--muted);font-size:.9375rem}.kicker{color:var(--accent);font-weight:700;font-size:.875rem;margin:0}
blockquote{margin:0 0 .75rem;padding-left:.75rem;border-left:3px solid var(--line)}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:.5rem 0;border-top:1px solid var(--line)}
ul.plain li:first-child{border-top:0}
.box{border:1px solid var(--line);border-radius:6px;padding:1rem;margin:1.5rem 0 0}
.foot{font-size:.875rem;color:var(--muted);padding:0 0 2rem}.foot a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem}
label,legend{font-weight:600}fieldset{border:0;padding:0;margin:1rem 0}
.field{margin:1rem 0}.hint{color:var(--muted);font-size:.9375rem;margin:.125rem 0 .25rem;font-weight:400}
input[type=email]{width:100%;max-width:100%;font:inherit;padding:.5rem;border:2px solid var(--muted);border-radius:4px;background:var(--card);color:var(--fg)}
input::placeholder{color:var(--muted);opacity:1}
input[aria-invalid=true]{border-color:var(--err)}.error{color:var(--err);font-weight:600;margin:.25rem 0}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}.choice input{margin-top:.35rem;flex:none}
.choice label{display:block}.choice .hint{display:block}
.inline{display:flex;flex-wrap:wrap;gap:.5rem}.inline input[type=email]{flex:1 1 12rem;width:auto}
button{font:inherit;font-weight:600;padding:.6rem 1.1rem;border:0;border-radius:4px;background:var(--accent);color:var(--on-accent);cursor:pointer}
button.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}
button.danger{background:var(--err);color:var(--on-accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.summary{border:2px solid var(--err);padding:.75rem;border-radius:4px}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
`;

/** The favicon, as the pages link it (a data: URL, allowed by `img-src 'self' data:`). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${theme.accent}"/><path d="M8 9h16v4h-6v12h-4V13H8z" fill="#fff"/></svg>`;
const faviconHref = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;

export interface PageProps {
  title: string;
  children: Child;
  /** Extra Atom feed of this page (a topic's), besides the site-wide one. */
  feed?: { href: string; title: string };
  /** Pages behind a reader's private link are never indexed. */
  noindex?: boolean;
}

export function Page(props: PageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.noindex !== false && <meta name="robots" content="noindex" />}
        <title>{`${props.title} – Talkwatch`}</title>
        <link rel="icon" type="image/svg+xml" href={faviconHref} />
        <link rel="alternate" type="application/atom+xml" title="Talkwatch: every issue" href="/feed.xml" />
        {props.feed && (
          <link rel="alternate" type="application/atom+xml" title={props.feed.title} href={props.feed.href} />
        )}
        {/* A constant stylesheet, not user input: raw keeps its quotes intact. */}
        <style>{raw(css)}</style>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <div class="wrap">
          <header class="top">
            <a class="brand" href="/">
              Talkwatch
            </a>
            <nav aria-label="Site">
              <a href="/archive">Past issues</a>
              <a href="/feed.xml">Atom feed</a>
            </nav>
          </header>
          <main id="main">{props.children}</main>
          <footer class="foot">
            <p>
              Talkwatch summarises negotiation news: what changed, who said what, where the talks stand.{' '}
              <a href="/">Subscribe</a> · <a href="/archive">Past issues</a> ·{' '}
              <a href={props.feed?.href ?? '/feed.xml'}>Atom feed</a>
            </p>
          </footer>
        </div>
      </body>
    </html>
  );
}

/** A page that says one thing, with optional follow-up content (a button or a link). */
export function MessagePage(props: { title: string; children?: Child }) {
  return (
    <Page title={props.title}>
      <h1>{props.title}</h1>
      {props.children}
    </Page>
  );
}

export function render(node: unknown): string {
  return `<!doctype html>${String(node)}`;
}
