// MIME once per issue. Every copy of an issue shares its From, Subject, List-Id, List-Archive and nearly
// all of its two encoded body parts; only To, Message-ID, List-Unsubscribe and the reader's own links
// differ. Building each copy with MailComposer cost ~4 ms of CPU (streams, quoted-printable in JS), so
// the first copy of an issue is built by MailComposer and becomes the pattern: its header lines are
// reused wherever a copy's value is the same, and the body parts are encoded once, split at the
// template's marker positions, with each reader's values encoded per copy on their own short lines
// (quoted-printable soft line breaks join them, so the decoded text is exactly the filled template).
// Parsed, a copy equals what MailComposer builds for that reader, apart from the boundary and Date
// (tests/unit/send/issue-mime.test.ts checks this on random readers and content).
//
// Links go only where the template's own render put its random markers (the split is
// personalise.ts's), and the literal text is encoded after the split: content cannot place a link.
import { foldLines } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import * as qp from 'nodemailer/lib/qp';
import {
  type Compiled,
  type CompiledTemplate,
  compiledTemplate,
  fillPart,
  type MarkerKey,
  type PersonalValues,
  valueIn,
} from '../../domain/delivery/personalise';
import type { RenderedTemplate } from '../../domain/issues/types';
import type { OutgoingEmail } from '../../ports/mailer';

/** Quoted-printable lines of the shared text stop one short, leaving room for a soft break. */
const QP_LINE = 75;

type BodyPart = 'text' | 'html';

interface EncodedPart {
  /** Content-Type and Content-Transfer-Encoding lines, then the blank line. */
  head: string;
  encode(values: PersonalValues): string;
}

interface HeaderLine {
  /** The header's name as MailComposer wrote it (List-ID, Message-ID...). */
  name: string;
  /** The value it was built from, and the folded, encoded line. */
  value: string;
  line: string;
}

/** What one issue's copies share; built from its first copy. */
export interface IssueMime {
  /** Lower-cased header names in MailComposer's order, with the last line built for each. */
  headers: Map<string, HeaderLine>;
  boundary: string;
  parts: EncodedPart[];
  /** Both parts hold template text of their own, so no reader's copy can lack one. */
  partsNeverEmpty: boolean;
}

// A node used only for MailComposer's own header encoding (addresses, encoded words, msg-ids).
const encoder = new MimeNode();

/** The header values of an email by lower-cased name, as MailComposer sets them. */
function headerValues(email: OutgoingEmail): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(email.headers ?? {})) values.set(name.toLowerCase(), value);
  values.set('from', email.from);
  values.set('to', email.to);
  values.set('subject', email.subject);
  if (email.messageId) values.set('message-id', email.messageId);
  return values;
}

// The Date header changes once a second; built once per second, not per copy.
let dateCache = { second: Number.NaN, value: '' };
function rfc2822Date(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== dateCache.second) {
    dateCache = { second, value: date.toUTCString().replace(/GMT/, '+0000') };
  }
  return dateCache.value;
}

/** One header's value in an email, by lower-cased name (what headerValues would hold for it). */
function headerValue(email: OutgoingEmail, key: string): string | undefined {
  switch (key) {
    case 'from':
      return email.from;
    case 'to':
      return email.to;
    case 'subject':
      return email.subject;
    case 'message-id':
      return email.messageId;
  }
  for (const name in email.headers) if (name.toLowerCase() === key) return email.headers[name];
  return undefined;
}

/** One header line exactly as MimeNode.buildHeaders writes it. */
function headerLine(name: string, value: string): string {
  return foldLines(`${name}: ${encoder.encodeHeaderValue(name, value)}`, 76);
}

/**
 * Splits MailComposer's message into its header lines (unfolded by name) and its boundary. The body
 * is not reused: it is encoded again below, split at the markers.
 */
export function issueMimeFrom(
  composed: Buffer,
  email: OutgoingEmail & Required<Pick<OutgoingEmail, 'personalised'>>,
): IssueMime | undefined {
  const raw = composed.toString('latin1');
  const block = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const headers = new Map<string, HeaderLine>();
  const values = headerValues(email);
  let boundary: string | undefined;
  for (const line of block.split(/\r\n(?![ \t])/)) {
    const name = line.slice(0, line.indexOf(':'));
    const key = name.toLowerCase();
    if (key === 'content-type') boundary = /boundary="([^"]+)"/.exec(line.replace(/\r\n[ \t]/g, ' '))?.[1];
    headers.set(key, { name, value: key === 'date' ? '' : (values.get(key) ?? ''), line });
  }
  // Without both parts MailComposer builds no multipart/alternative: such an issue has no pattern.
  if (!boundary) return undefined;
  const { template } = email.personalised;
  const compiled = compiledTemplate(template);
  const hasText = (parts: Compiled) => parts.some((p, i) => i % 2 === 0 && p !== '');
  return {
    headers,
    boundary,
    parts: [encodedPart(template, compiled, 'text'), encodedPart(template, compiled, 'html')],
    partsNeverEmpty: hasText(compiled.text) && hasText(compiled.html),
  };
}

/** Whether a copy has exactly the headers of the issue's pattern (else it is built by MailComposer). */
export function fitsPattern(mime: IssueMime, email: OutgoingEmail): boolean {
  // An empty part makes MailComposer build a different message; only the values could empty one.
  if (!mime.partsNeverEmpty) return false;
  const values = headerValues(email);
  for (const key of values.keys()) if (!mime.headers.has(key)) return false;
  for (const key of mime.headers.keys())
    if (!values.has(key) && key !== 'date' && key !== 'mime-version' && key !== 'content-type') return false;
  return true;
}

/** One reader's copy: the pattern's lines where their values are the same, theirs where not. */
export function copyFor(mime: IssueMime, email: OutgoingEmail, values: PersonalValues, now: Date): Buffer {
  const lines: string[] = [];
  for (const [key, header] of mime.headers) {
    const value = key === 'date' ? rfc2822Date(now) : headerValue(email, key);
    if (value === undefined || value === header.value) {
      lines.push(header.line);
      continue;
    }
    const line = key === 'date' ? foldLines(`${header.name}: ${value}`, 76) : headerLine(header.name, value);
    // Shared headers (From, Subject, List-Id, Date within a second) are encoded again only on a change.
    if (key === 'date' || key === 'from' || key === 'subject')
      mime.headers.set(key, { ...header, value, line });
    lines.push(line);
  }
  const delimiter = `--${mime.boundary}`;
  let out = `${lines.join('\r\n')}\r\n\r\n`;
  for (const part of mime.parts) out += `${delimiter}\r\n${part.head}${part.encode(values)}\r\n`;
  out += `${delimiter}--\r\n`;
  return Buffer.from(out, 'latin1');
}

function encodedPart(template: RenderedTemplate, compiled: CompiledTemplate, part: BodyPart): EncodedPart {
  const contentType = part === 'html' ? 'text/html' : 'text/plain';
  // MailComposer's own choice for this text: base64 when mostly non-Latin, else quoted-printable (7bit
  // is not kept: a reader's link may make a line too long for it).
  const chosen = new MimeNode(contentType).setContent(template[part]).getTransferEncoding();
  const encoding = chosen === 'base64' ? 'base64' : 'quoted-printable';
  const head = `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n`;
  if (encoding === 'base64') {
    // Base64 cannot be joined from pieces; the native encoder makes the whole part cheap anyway.
    return { head, encode: (values) => base64Lines(fillPart(template, part, values)) };
  }
  const segments = qpSegments(compiled[part]);
  return {
    head,
    encode(values) {
      let out = '';
      for (const segment of segments) {
        out +=
          typeof segment === 'string' ? segment : qpValue(valueIn(part, segment.key, values), segment.last);
      }
      return out;
    },
  };
}

type QpSegment = string | { key: MarkerKey; last: boolean };

/**
 * The literal text encoded once. A literal followed by a value ends with a soft line break unless it
 * ends a line anyway, so the value starts its own line; each value ends with one, so the text after it
 * does too. Soft breaks vanish on decoding: the text is exactly the filled template.
 */
function qpSegments(compiled: Compiled): QpSegment[] {
  const segments: QpSegment[] = [];
  for (let i = 0; i < compiled.length; i++) {
    const item = compiled[i]!;
    const last = i === compiled.length - 1;
    if (i % 2 === 1) {
      segments.push({ key: item as MarkerKey, last });
      continue;
    }
    if (item === '') continue;
    const encoded = qp.wrap(qp.encode(item), QP_LINE);
    segments.push(last || encoded.endsWith('\n') ? encoded : `${encoded}=\r\n`);
  }
  return segments;
}

function qpValue(value: string, last: boolean): string {
  if (value === '') return '';
  const encoded = qp.wrap(qp.encode(value), QP_LINE);
  return last || encoded.endsWith('\n') ? encoded : `${encoded}=\r\n`;
}

/** Base64 in 76-character lines, as MailComposer writes it. */
function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\r\n');
}

/** Per template: its pattern, or null when it has none (every copy is then MailComposer's). */
const patterns = new WeakMap<RenderedTemplate, IssueMime | null>();

/** The issue's pattern for this template: undefined until its first copy is built. */
export function patternFor(template: RenderedTemplate): IssueMime | null | undefined {
  return patterns.get(template);
}

export function rememberPattern(template: RenderedTemplate, mime: IssueMime | undefined): void {
  patterns.set(template, mime ?? null);
}
