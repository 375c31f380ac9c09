// One DynamoDB client per process, pointed at AWS or at a local endpoint (dynalite).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AwsClientSettings, requestHandlerOptions } from '../aws-client';

export function createDynamoClients(settings: AwsClientSettings) {
  const client = new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    requestHandler: requestHandlerOptions(),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { client, doc };
}

export type DynamoClients = ReturnType<typeof createDynamoClients>;
