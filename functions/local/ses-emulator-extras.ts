// What the local SES emulator (aws-ses-v2-local) lacks and Talkwatch needs locally: an inbox that
// survives a restart (it keeps emails in a module-level array), and GetEmailIdentity answers like
// SES's, so the sender identity check of GET /health can be exercised without AWS.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Email, getStoreReadonly } from 'aws-ses-v2-local/dist/store.js';

/** The newest emails kept when an inbox file is loaded; older ones are dropped from the file. */
const KEPT_EMAILS = 1000;

/**
 * The emulator keeps its inbox in a module-level array. Load it from `file` at start, then after each
 * POST append what was added (or rewrite the file when the inbox was cleared with POST /clear-store).
 */
export function keptInbox(file: string): () => void {
  const store = getStoreReadonly();
  const rewrite = () =>
    writeFileSync(file, store.emails.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
  if (existsSync(file)) {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const saved = lines.slice(-KEPT_EMAILS).flatMap((line) => {
      try {
        return [JSON.parse(line) as Email];
      } catch {
        return []; // a line cut short by a killed process
      }
    });
    store.emails.push(...saved);
    if (saved.length !== lines.length) rewrite();
  }
  let known = { emails: store.emails, count: store.emails.length };
  return () => {
    const { emails } = getStoreReadonly();
    if (emails !== known.emails || emails.length < known.count) rewrite();
    else if (emails.length > known.count) {
      appendFileSync(
        file,
        emails
          .slice(known.count)
          .map((e) => `${JSON.stringify(e)}\n`)
          .join(''),
      );
    }
    known = { emails, count: emails.length };
  };
}

/** Identity (address or domain, lower case) → SES verification status. Unlisted ones do not exist. */
export type SesIdentities = Record<string, 'SUCCESS' | 'PENDING' | 'FAILED' | 'TEMPORARY_FAILURE'>;

/** Answers `GET /v2/email/identities/<identity>` (SES v2 GetEmailIdentity) from `identities`. */
export function identityAnswers(identities: SesIdentities) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const m = /^\/v2\/email\/identities\/([^/?]+)$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !m) return false;
    req.resume();
    const identity = decodeURIComponent(m[1]!).toLowerCase();
    const status = identities[identity];
    if (!status) {
      res
        .writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'NotFoundException' })
        .end(JSON.stringify({ message: `Email identity <${identity}> does not exist.` }));
      return true;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        IdentityType: identity.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
        VerifiedForSendingStatus: status === 'SUCCESS',
        VerificationStatus: status,
        FeedbackForwardingStatus: true,
      }),
    );
    return true;
  };
}
