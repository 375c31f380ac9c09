// ModelAnswerCache on the single table: `MODELANSWER#<request hash>` / `<model id>#v<prompt version>`
// holds the model's reply (tool input or text, tokens, latency) exactly as it came, so summarising the
// same report again — a redelivered message, a rerun — reuses it at no cost and reproduces the same
// summary. The reply is judged again on every read, so a stricter check applies to old answers too.
// Consistent reads: a retry right after the first attempt must see the answer the first one kept.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ModelAnswerCache, ModelAnswerKey, ModelReply } from '../../ports/summary-model';
import type { DynamoClients } from './client';

const keyOf = (k: ModelAnswerKey) => ({
  pk: `MODELANSWER#${k.contentHash}`,
  sk: `${k.modelId}#v${k.promptVersion}`,
});

export class DynamoModelAnswerCache implements ModelAnswerCache {
  constructor(
    private readonly dynamo: DynamoClients,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(key: ModelAnswerKey): Promise<ModelReply | undefined> {
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keyOf(key), ConsistentRead: true }),
    );
    return Item ? (Item.reply as ModelReply) : undefined;
  }

  async put(key: ModelAnswerKey, reply: ModelReply): Promise<void> {
    await this.dynamo.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keyOf(key), reply, storedAt: this.now().toISOString() },
      }),
    );
  }
}
