// One DynamoDB client per process, pointed at AWS or at a local endpoint (dynalite).
//
// `doc` (the document client) serves every call but the send path's frequent ones; `fast` is a plain
// client for those (the claim, once per email, and the send-rate bookings): it resolves its middleware once per command type
// (`cacheMiddleware`, which the document client refuses) and takes items already in DynamoDB's
// attribute format, so it skips the document client's marshalling. About a third of a store call's
// CPU. It shares `client`'s HTTP handler (same sockets, and whatever counts requests there sees both).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AwsClientSettings, requestHandlerOptions, reuseSigner } from '../aws-client';
import { DYNAMODB_FAST_REQUESTS } from '../fast-requests';
import { leanMiddleware } from '../lean-middleware';

export function createDynamoClients(settings: AwsClientSettings) {
  const common = {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
  const client = new DynamoDBClient({ ...common, requestHandler: requestHandlerOptions() });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  // Middleware added to this client after its first call of a command would not apply to that command.
  const fast = new DynamoDBClient({
    ...common,
    requestHandler: client.config.requestHandler,
    cacheMiddleware: true,
  });
  reuseSigner(client.config);
  reuseSigner(fast.config);
  // Every store call (the document client shares `client`'s stack): only the steps AWS needs, the
  // SDK's retries kept, the send path's calls written by hand (see lean-middleware.ts).
  leanMiddleware(client, { retries: 'sdk', fast: DYNAMODB_FAST_REQUESTS });
  leanMiddleware(fast, { retries: 'sdk', fast: DYNAMODB_FAST_REQUESTS });
  return { client, doc, fast };
}

export type DynamoClients = ReturnType<typeof createDynamoClients>;
