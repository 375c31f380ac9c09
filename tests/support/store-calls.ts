// Counts the DynamoDB calls made through a real client (an SDK middleware, so every adapter call is
// seen as the emulator receives it, document-client calls included): what a request costs the store.
// Added to both clients: the send path's `fast` one resolves its middleware on its first call of a
// command, so this must run before that (it does: recorders are set up before the calls they count).
import type { DynamoClients } from '../../functions/adapters/dynamodb/client';

export interface StoreCalls {
  /** Operation names (`GetItem`, `PutItem`...), oldest first, since the last reset. */
  readonly operations: string[];
  reset(): void;
}

export function recordStoreCalls(dynamo: DynamoClients): StoreCalls {
  const operations: string[] = [];
  for (const client of [dynamo.client, dynamo.fast]) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        operations.push(String(context.commandName).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: `recordStoreCalls${Math.random()}` },
    );
  }
  return { operations, reset: () => operations.splice(0) };
}
