// The shared send rate: several workers reserving from the same DynamoDB windows never exceed the
// rate in any one-second window, and a window's budget is actually used.
import { describe, expect, it } from 'vitest';
import { DynamoSendRateStore } from '../../../functions/adapters/dynamodb/send-rate';
import { chunkFor, createSendRate } from '../../../functions/domain/delivery/send-rate';
import { testDeps } from '../../support/env';

describe('shared send rate over DynamoDB', () => {
  it('holds the rate across three workers in every one-second window', async () => {
    const deps = await testDeps();
    const store = new DynamoSendRateStore(deps.dynamo, deps.config.TABLE_NAME);
    const rate = 40;
    const workers = Array.from({ length: 3 }, () => createSendRate({ store, rate: () => rate }));
    const stamps: number[] = [];
    await Promise.all(
      workers.flatMap((w) =>
        Array.from({ length: 12 }, async () => {
          for (let i = 0; i < 4; i++) {
            await w.acquire();
            stamps.push(Date.now());
          }
        }),
      ),
    );
    expect(stamps).toHaveLength(144);
    const perSecond = new Map<number, number>();
    for (const t of stamps)
      perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    for (const n of perSecond.values()) expect(n).toBeLessThanOrEqual(rate);
  });

  it('never grants more than the ceiling of a window, even to racing reservations', async () => {
    const deps = await testDeps();
    const store = new DynamoSendRateStore(deps.dynamo, deps.config.TABLE_NAME);
    const second = Math.floor(Date.now() / 1000) + 1000;
    const grants = await Promise.all(Array.from({ length: 30 }, () => store.reserve(second, 7, 100)));
    expect(grants.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
    expect(grants.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(90);
  });

  it('reserves in chunks sized to the rate', () => {
    expect(chunkFor(1)).toBe(1);
    expect(chunkFor(14)).toBe(1);
    expect(chunkFor(500)).toBe(25);
    expect(chunkFor(100_000)).toBe(25);
  });
});
