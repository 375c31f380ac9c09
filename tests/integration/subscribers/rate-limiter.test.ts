import { describe, expect, it } from 'vitest';
import { DynamoRateLimiter } from '../../../functions/adapters/dynamodb/rate-limiter';
import { testDeps } from '../../support/env';

describe('DynamoRateLimiter', () => {
  it('allows up to the limit per window, then refuses with the seconds left, then allows again', async () => {
    let now = new Date('2026-03-01T10:00:10Z');
    const deps = await testDeps({}, { clock: { now: () => now } });
    const limiter = new DynamoRateLimiter(deps.dynamo, deps.config.TABLE_NAME, deps.clock);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('k', 3, 60)).allowed).toBe(true);
    expect(await limiter.hit('k', 3, 60)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await limiter.hit('other', 3, 60)).allowed).toBe(true);
    now = new Date('2026-03-01T10:01:00Z');
    expect((await limiter.hit('k', 3, 60)).allowed).toBe(true);
  });

  it('is shared by every instance (two limiters on one table count together)', async () => {
    const deps = await testDeps();
    const a = new DynamoRateLimiter(deps.dynamo, deps.config.TABLE_NAME, deps.clock);
    const b = new DynamoRateLimiter(deps.dynamo, deps.config.TABLE_NAME, deps.clock);
    const results = await Promise.all([
      a.hit('ip', 4, 3600),
      b.hit('ip', 4, 3600),
      a.hit('ip', 4, 3600),
      b.hit('ip', 4, 3600),
      a.hit('ip', 4, 3600),
      b.hit('ip', 4, 3600),
    ]);
    expect(results.filter((r) => r.allowed)).toHaveLength(4);
  });
});
