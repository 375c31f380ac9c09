/** @jsxImportSource hono/jsx */
// The frame of every server-rendered page: lang, viewport, a skip link, one main landmark, and a
// small stylesheet. No JavaScript anywhere: every action is a plain form.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

const css = `
:root{color-scheme:light dark;--fg:#1f2933;--muted:#52606d;--accent:#0b5cad;--bg:#f5f7fa;--card:#fff;--err:#b42318}
@media (prefers-color-scheme:dark){:root{--fg:#e4e7eb;--muted:#9aa5b1;--accent:#8ab4f8;--bg:#111;--card:#1c1f24;--err:#ff8a80}}
*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:var(--card);border-radius:6px}
h1{font-size:1.5rem;margin-top:0}a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem}
label,legend{font-weight:600}fieldset{border:0;padding:0;margin:1rem 0}
.field{margin:1rem 0}.hint{color:var(--muted);font-size:.9375rem;margin:.25rem 0}
input[type=email]{width:100%;font:inherit;padding:.5rem;border:2px solid var(--muted);border-radius:4px}
input[aria-invalid=true]{border-color:var(--err)}.error{color:var(--err);font-weight:600;margin:.25rem 0}
.choice{display:flex;gap:.5rem;align-items:center;margin:.25rem 0}
button{font:inherit;padding:.6rem 1.1rem;border:0;border-radius:4px;background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}
button.danger{background:var(--err)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.summary{border:2px solid var(--err);padding:.75rem;border-radius:4px}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
`;

export function Page(props: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} – Talkwatch`}</title>
        {/* A constant stylesheet, not user input: raw keeps its quotes intact. */}
        <style>{raw(css)}</style>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <main id="main">{props.children}</main>
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
