// Request bodies written by hand for the calls the send path makes once per email (or per few), in
// place of the SDK's schema-driven serialiser, which walked the input shape by shape and, for the SES
// send, URL-encoded the 28 KB base64 message with `encodeURIComponent` and a regular expression, then
// converted the string to bytes twice (for the payload hash and for the socket). Everything else stays
// the SDK's: endpoint, SigV4 over these bytes, the HTTP handler, and every input or answer these do
// not recognise (they return undefined and the SDK's own protocol takes over). The bodies say what the
// SDK's say (tests/unit/adapters/fast-requests.test.ts compares them on the same inputs): the SES one
// byte for byte, the DynamoDB one as the same JSON document.
//
// Answers: only a 2xx answer these recognise is read here (the SES MessageId, DynamoDB's `{}`); every
// other answer, errors included, goes to the SDK's deserialiser with the bytes already read.

/** A request body for one operation, and optionally the output of its usual success answer. */
export interface FastRequest {
  /** Headers and body for this input, or undefined to leave the input to the SDK's serialiser. */
  request(input: Record<string, unknown>): { headers: Record<string, string>; body: Buffer } | undefined;
  /** The output of a 2xx answer, or undefined to leave the answer to the SDK's deserialiser. */
  output?(body: Uint8Array): Record<string, unknown> | undefined;
}

export type FastRequests = Readonly<Record<string, FastRequest>>;

/** The SDK's query-string encoding (encodeURIComponent, plus `!'()*`). */
function queryEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Base64, query-encoded: only `+`, `/` and `=` need escaping, so three plain replacements do it. */
function base64Query(data: Uint8Array): string {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return bytes.toString('base64').replaceAll('+', '%2B').replaceAll('/', '%2F').replaceAll('=', '%3D');
}

const SEND_RAW_EMAIL_KEYS = new Set(['RawMessage', 'Tags', 'ConfigurationSetName']);
const MESSAGE_ID =
  /<SendRawEmailResult>\s*<MessageId>([A-Za-z0-9._@+-]+)<\/MessageId>\s*<\/SendRawEmailResult>/;

/** SES v1 (awsQuery, version 2010-12-01): SendRawEmail with a message, tags and a configuration set. */
export const SES_FAST_REQUESTS: FastRequests = {
  SendRawEmail: {
    request(input) {
      for (const key in input)
        if (input[key] !== undefined && !SEND_RAW_EMAIL_KEYS.has(key)) return undefined;
      const data = (input.RawMessage as { Data?: unknown } | undefined)?.Data;
      if (!(data instanceof Uint8Array)) return undefined;
      const tags = input.Tags as Array<{ Name?: unknown; Value?: unknown }> | undefined;
      const configurationSet = input.ConfigurationSetName;
      if (tags !== undefined && (!Array.isArray(tags) || tags.length === 0)) return undefined;
      if (configurationSet !== undefined && typeof configurationSet !== 'string') return undefined;
      // Members in the order the SDK writes them (the operation's shape: RawMessage, Tags, ConfigurationSetName).
      let tail = '';
      for (let i = 0; i < (tags?.length ?? 0); i++) {
        const { Name, Value } = tags![i]!;
        if (typeof Name !== 'string' || typeof Value !== 'string') return undefined;
        tail += `&Tags.member.${i + 1}.Name=${queryEncode(Name)}&Tags.member.${i + 1}.Value=${queryEncode(Value)}`;
      }
      if (configurationSet !== undefined) tail += `&ConfigurationSetName=${queryEncode(configurationSet)}`;
      const body = `Action=SendRawEmail&Version=2010-12-01&RawMessage.Data=${base64Query(data)}${tail}`;
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(body, 'latin1'),
      };
    },
    output(body) {
      const id = MESSAGE_ID.exec(
        Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1'),
      );
      return id ? { MessageId: id[1] } : undefined;
    },
  },
};

/**
 * Whether a value is JSON as the SDK would write it: strings, finite numbers, booleans, arrays and
 * plain objects, with no null or undefined below the top level (binary attributes, dates and the
 * like are left to the SDK).
 */
function plainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return false;
      if (Array.isArray(value)) return value.every(plainJson);
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) if (!plainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** DynamoDB (awsJson1_0): the operation's input is its JSON body. */
function dynamoRequest(operation: string): FastRequest {
  const target = `DynamoDB_20120810.${operation}`;
  return {
    request(input) {
      for (const key in input) {
        const value = input[key];
        if (value !== undefined && !plainJson(value)) return undefined;
      }
      return {
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
        body: Buffer.from(JSON.stringify(input), 'utf8'),
      };
    },
    // A write that returns nothing (the claim, the usual case) answers `{}`.
    output: (body) => (body.byteLength === 2 && body[0] === 0x7b && body[1] === 0x7d ? {} : undefined),
  };
}

/** The store calls of the send path and the outcome writes (none takes binary, dates or tokens). */
export const DYNAMODB_FAST_REQUESTS: FastRequests = Object.fromEntries(
  ['PutItem', 'UpdateItem', 'DeleteItem', 'GetItem', 'BatchGetItem', 'BatchWriteItem', 'Query'].map(
    (operation) => [operation, dynamoRequest(operation)],
  ),
);
