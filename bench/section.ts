// Runs one benchmark section in its own process (`bench/run.ts` starts one per section), so each
// measures on a fresh heap and event loop, and reports its figures on one marked stdout line.
import { benchApi } from './api';
import { benchColdStart } from './cold-start';
import { benchDelivery } from './delivery';
import { benchFanout } from './fanout';
import { benchRender } from './render';
import { parseFlags, report } from './support';

const [name] = process.argv.slice(2);
const { quick } = parseFlags(process.argv);

const sections: Record<string, () => Promise<unknown>> = {
  render: () =>
    benchRender(
      quick
        ? { reactSamples: 10, substitutionSamples: 5_000 }
        : { reactSamples: 100, substitutionSamples: 100_000 },
    ),
  fanout: () => benchFanout(quick ? { small: 300, large: 1_500 } : { small: 10_000, large: 100_000 }),
  api: () => benchApi(quick ? { connections: 10, seconds: 2, amount: 40 } : { connections: 50, seconds: 20 }),
  coldstart: () => benchColdStart({ runs: quick ? 1 : 5 }),
  delivery: () => benchDelivery(quick ? { subscribers: 200, rate: 500 } : { subscribers: 10_000, rate: 500 }),
};

const section = name ? sections[name] : undefined;
if (!section) {
  process.stderr.write(`usage: section.ts <${Object.keys(sections).join('|')}> [--quick]\n`);
  process.exit(2);
}
report(await section());
process.exit(0);
