// The SES send's body carries the raw message in base64, query-encoded (`RawMessage.Data=…`, with `+`,
// `/` and `=` escaped). The copies of an issue share nearly all their bytes (the encoded body parts, see
// ses/issue-mime.ts), so the base64 of each shared stretch is worked out once, in each of the three
// alignments it can start at (its offset modulo 3, which the reader's own bytes before it decide), and
// a copy encodes only its own bytes and the one 3-byte group at each end of a shared stretch. The body
// is the one the SDK would write for the same bytes (tests/unit/adapters/fast-requests.test.ts).

/** Bytes that many messages share: their query-encoded base64 is worked out once per alignment. */
export class SharedBytes {
  readonly bytes: Buffer;
  private readonly aligned: Array<{ middle: string; tail: Buffer } | undefined> = [];

  /** `text` is 7-bit (encoded MIME), so one character is one byte. */
  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'latin1');
  }

  /** From byte `skip` (0–2) on: the encoding of every whole 3-byte group, and the 0–2 bytes after. */
  from(skip: number): { middle: string; tail: Buffer } {
    let encoded = this.aligned[skip];
    if (!encoded) {
      const whole = skip + Math.floor((this.bytes.length - skip) / 3) * 3;
      encoded = {
        middle: queryBase64(this.bytes.subarray(skip, whole)),
        tail: this.bytes.subarray(whole),
      };
      this.aligned[skip] = encoded;
    }
    return encoded;
  }
}

/** A message in pieces: its own text (7-bit), or bytes shared with other messages. */
export type Piece = string | SharedBytes;

/** Base64, query-encoded: only `+`, `/` and `=` need escaping, so three plain replacements do it. */
export function queryBase64(data: Uint8Array): string {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return bytes.toString('base64').replaceAll('+', '%2B').replaceAll('/', '%2F').replaceAll('=', '%3D');
}

const NONE = Buffer.alloc(0);

/** queryBase64 of the pieces' bytes, one after the other. */
export function queryBase64Of(pieces: readonly Piece[]): string {
  let out = '';
  // The 0–2 bytes not yet encoded: a 3-byte group spanning two pieces.
  let carry: Buffer = NONE;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      const bytes = Buffer.from(carry.length > 0 ? carry.toString('latin1') + piece : piece, 'latin1');
      const whole = bytes.length - (bytes.length % 3);
      out += queryBase64(bytes.subarray(0, whole));
      carry = bytes.subarray(whole);
      continue;
    }
    const skip = (3 - carry.length) % 3;
    if (piece.bytes.length < skip + 3) {
      // Too short to have a group of its own: encoded like the message's own text.
      const bytes = Buffer.concat([carry, piece.bytes]);
      const whole = bytes.length - (bytes.length % 3);
      out += queryBase64(bytes.subarray(0, whole));
      carry = bytes.subarray(whole);
      continue;
    }
    if (skip > 0) out += queryBase64(Buffer.concat([carry, piece.bytes.subarray(0, skip)]));
    const { middle, tail } = piece.from(skip);
    out += middle;
    carry = tail;
  }
  return out + queryBase64(carry);
}

/** Messages built from pieces, with their pieces (a copy of an issue and what it shares). */
const piecesOf = new WeakMap<Uint8Array, readonly Piece[]>();

/** Notes that `message` is these pieces' bytes, so its encoding can reuse what they share. */
export function builtFrom(message: Uint8Array, pieces: readonly Piece[]): void {
  piecesOf.set(message, pieces);
}

/** queryBase64 of a message, from its pieces when it was built from some. */
export function queryBase64OfMessage(message: Uint8Array): string {
  const pieces = piecesOf.get(message);
  return pieces ? queryBase64Of(pieces) : queryBase64(message);
}
