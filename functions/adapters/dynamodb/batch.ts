// DynamoDB's batch calls, whole: BatchGetItem takes 100 keys and BatchWriteItem 25 requests at a time,
// and either may hand part of a batch back unprocessed under load. These send every chunk and retry
// what comes back with jittered backoff, and fail loudly rather than drop an item.
import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type KeysAndAttributes,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

const MAX_ATTEMPTS = 8;

type Item = Record<string, unknown>;

export interface BatchGetOptions {
  projection?: string;
  consistentRead?: boolean;
}

export function batchGetAll(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Item[],
  options: BatchGetOptions = {},
): Promise<Item[]> {
  return getInChunks(keys, async (pending) => {
    const out: BatchGetCommandOutput = await doc.send(
      new BatchGetCommand({
        RequestItems: {
          [table]: {
            Keys: pending,
            ...(options.projection ? { ProjectionExpression: options.projection } : {}),
            ...(options.consistentRead ? { ConsistentRead: true } : {}),
          },
        },
      }),
    );
    return { items: out.Responses?.[table] ?? [], unprocessed: out.UnprocessedKeys?.[table]?.Keys };
  });
}

type PlainItem = Record<string, AttributeValue>;

/**
 * The same through the plain client: keys and items in DynamoDB's attribute format, and `read`'s
 * options (projection, names, consistency) passed as they are.
 */
export function batchGetAllPlain(
  client: DynamoDBClient,
  table: string,
  keys: readonly PlainItem[],
  read: Omit<KeysAndAttributes, 'Keys'> = {},
): Promise<PlainItem[]> {
  return getInChunks(keys, async (pending) => {
    const out: BatchGetItemCommandOutput = await client.send(
      new BatchGetItemCommand({ RequestItems: { [table]: { ...read, Keys: pending } } }),
    );
    return { items: out.Responses?.[table] ?? [], unprocessed: out.UnprocessedKeys?.[table]?.Keys };
  });
}

/** Keys in chunks of 100, each retried with backoff until nothing comes back unprocessed. */
async function getInChunks<K, I>(
  keys: readonly K[],
  get: (pending: K[]) => Promise<{ items: I[]; unprocessed: K[] | undefined }>,
): Promise<I[]> {
  const found: I[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: K[] | undefined = keys.slice(i, i + 100);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB kept ${pending.length} key(s) unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const out: { items: I[]; unprocessed: K[] | undefined } = await get(pending);
      found.push(...out.items);
      pending = out.unprocessed;
    }
  }
  return found;
}

/** Put and delete requests (`{ PutRequest: … }`, `{ DeleteRequest: … }`), in chunks of 25. */
export function batchWriteAll(
  doc: DynamoDBDocumentClient,
  table: string,
  requests: readonly Item[],
): Promise<void> {
  return writeInChunks(requests, async (pending) => {
    const out: BatchWriteCommandOutput = await doc.send(
      new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
    );
    return out.UnprocessedItems?.[table] as Item[] | undefined;
  });
}

/** The same through the plain client, the requests' items already in DynamoDB's attribute format. */
export function batchWriteAllPlain(
  client: DynamoDBClient,
  table: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  return writeInChunks(requests, async (pending) => {
    const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
    return out.UnprocessedItems?.[table];
  });
}

async function writeInChunks<T>(
  requests: readonly T[],
  write: (pending: T[]) => Promise<T[] | undefined>,
): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: T[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB kept ${pending.length} write(s) unprocessed`);
      if (attempt > 0) await backoff(attempt);
      pending = await write(pending);
    }
  }
}

function backoff(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** attempt));
}
