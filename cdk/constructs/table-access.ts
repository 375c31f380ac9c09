// Which DynamoDB actions each function's code calls, and so all it is granted on the table. Kept
// beside the functions' wiring; tests/integration/security/least-privilege.test.ts runs each worker
// against the emulator and fails if it calls anything not listed here.
const GET = 'dynamodb:GetItem';
const BATCH_GET = 'dynamodb:BatchGetItem';
const QUERY = 'dynamodb:Query';
const PUT = 'dynamodb:PutItem';
const UPDATE = 'dynamodb:UpdateItem';
const DELETE = 'dynamodb:DeleteItem';
const BATCH_WRITE = 'dynamodb:BatchWriteItem';

export const TABLE_ACCESS = {
  /** Every route: subscriptions, preferences, webhooks, archive, admin; DescribeTable for /health. */
  api: [GET, BATCH_GET, QUERY, PUT, UPDATE, DELETE, BATCH_WRITE, 'dynamodb:DescribeTable'],
  /** Issues, developments and cohorts read; issue progress, templates, cursors, suppressed deliveries written. */
  dispatch: [GET, BATCH_GET, QUERY, PUT, DELETE],
  /** Claims, outcomes, the shared send rate, the readers of each batch. */
  send: [GET, BATCH_GET, QUERY, PUT, UPDATE, DELETE, BATCH_WRITE],
  /** Creates this period's issues. */
  schedule: [GET, PUT],
  /** Suppressions and bounce counters on subscriber records (and their cohort entries). */
  feedback: [GET, QUERY, PUT, BATCH_WRITE],
  /** Receives feed entries: URL and content claims, the received development. */
  // Receives reports: URL/content claims, and the topic's latest report (is this one background?).
  'poll-feeds': [GET, PUT, QUERY],
  /** Summaries, near-duplicate merges, the state of play. */
  ingest: [GET, QUERY, PUT, UPDATE, DELETE],
} as const satisfies Record<string, readonly string[]>;
