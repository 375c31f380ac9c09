// Fan-out scale: the dispatcher over a large cohort in dynalite. dynalite runs in its own process, the
// dispatcher in another (bench/fanout-child.ts), so the dispatcher's peak RSS is measured alone. The
// cohort is grown from the small N to the large N, and the dispatcher run against each.

import { createDynamoClients } from '../functions/adapters/dynamodb/client';
import { ensureTable } from '../functions/adapters/dynamodb/table';
import { LOCAL_CREDENTIALS } from '../functions/local/stack';
import { runChild, startEmulatorProcess } from './processes';
import { note, round, seedSubscribers } from './support';

interface DispatchRun {
  seconds: number;
  recipients: number;
  pages: number;
  status: string;
  rssMb: number;
}

export async function benchFanout(options: { small: number; large: number }) {
  const dynamo = await startEmulatorProcess('dynamo');
  try {
    const table = 'bench-fanout';
    const clients = createDynamoClients({
      region: 'eu-west-1',
      endpoint: dynamo.url,
      credentials: LOCAL_CREDENTIALS,
    });
    await ensureTable(clients.client, table);
    const env = { BENCH_DYNAMODB_ENDPOINT: dynamo.url, BENCH_TABLE: table };

    let started = performance.now();
    const { domain } = await seedSubscribers(clients, table, options.small, { concurrency: 32 });
    note(
      `fan-out: seeded ${options.small} subscribers in ${round((performance.now() - started) / 1000, 1)} s`,
    );
    const small = await runChild<DispatchRun>('fanout-child.ts', [], { ...env, BENCH_SEED_DEVELOPMENTS: '1' })
      .done;
    check(small, options.small);

    started = performance.now();
    await seedSubscribers(clients, table, options.large - options.small, {
      domain,
      from: options.small,
      concurrency: 32,
    });
    note(
      `fan-out: seeded ${options.large - options.small} more in ${round((performance.now() - started) / 1000, 1)} s`,
    );
    const large = await runChild<DispatchRun>('fanout-child.ts', [], env).done;
    check(large, options.large);
    clients.client.destroy();

    return {
      fanoutSmall: options.small,
      fanoutLarge: options.large,
      fanoutSecondsSmall: round(small.seconds, 2),
      fanoutSeconds100k: round(large.seconds, 2),
      fanoutPagesPerSecond: round(large.pages / large.seconds, 1),
      fanoutRssMb10k: round(small.rssMb, 1),
      fanoutRssMb100k: round(large.rssMb, 1),
    };
  } finally {
    await dynamo.stop();
  }
}

function check(run: DispatchRun, expected: number) {
  if (run.recipients !== expected || run.status !== 'sending') {
    throw new Error(`fan-out: enqueued ${run.recipients} of ${expected} (issue ${run.status})`);
  }
}
