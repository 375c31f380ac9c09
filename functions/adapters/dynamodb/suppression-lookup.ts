// Which of a page of recipients are suppressed, in one BatchGetItem per 100 instead of one GetItem
// each: the dispatcher's hot path. Reads the suppression items the subscriber store writes
// (pk `SUB#<id>`, sk `SUPPRESSION`, the layout agreed between features).
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { DynamoClients } from './client';

export function suppressionLookup(dynamo: DynamoClients, table: string) {
  return async (ids: readonly string[]): Promise<Set<string>> => {
    const suppressed = new Set<string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique
        .slice(i, i + 100)
        .map((id) => ({ pk: `SUB#${id}`, sk: 'SUPPRESSION' }));
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        if (attempt >= 8) throw new Error('suppression lookup kept coming back unprocessed');
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** attempt));
        const out: BatchGetCommandOutput = await dynamo.doc.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ProjectionExpression: 'pk' } } }),
        );
        for (const item of out.Responses?.[table] ?? []) suppressed.add(String(item.pk).slice('SUB#'.length));
        keys = out.UnprocessedKeys?.[table]?.Keys;
      }
    }
    return suppressed;
  };
}
