// The printed form of the benchmark figures: one table, each row with its goal and whether it was met.
// A smoke run (--quick) prints the figures without goals: at its sizes they say nothing about them.
type Figures = Record<string, unknown>;

interface Row {
  section: string;
  figure: string;
  value: (f: Figures) => string | undefined;
  goal?: string;
  met?: (f: Figures) => boolean;
}

const num =
  (key: string, unit = '') =>
  (f: Figures) =>
    typeof f[key] === 'number' ? `${(f[key] as number).toLocaleString('en-GB')}${unit}` : undefined;
const str = (key: string) => (f: Figures) => (f[key] === undefined ? undefined : String(f[key]));
const n = (f: Figures, key: string) => f[key] as number;

const ROWS: Row[] = [
  { section: 'Render', figure: 'React render per recipient', value: num('perRecipientPerSecond', ' /s') },
  {
    section: 'Render',
    figure: 'Render once + substitution (personalised)',
    value: num('personalisedPerSecond', ' /s'),
    goal: '≥ 20,000 /s',
    met: (f) => n(f, 'personalisedPerSecond') >= 20_000,
  },
  {
    section: 'Render',
    figure: 'Ratio',
    value: num('renderRatio', '×'),
    goal: '≥ 100×',
    met: (f) => n(f, 'renderRatio') >= 100,
  },
  {
    section: 'Delivery',
    figure: 'Subscribers · MAX_SEND_RATE',
    value: (f) =>
      f.deliverySubscribers === undefined
        ? undefined
        : `${num('deliverySubscribers')(f)} · ${f.deliveryRate}/s`,
  },
  { section: 'Delivery', figure: 'Paced run mailer', value: str('deliveryMailer') },
  { section: 'Delivery', figure: 'Trigger to first send', value: num('deliveryFirstSendAfterSeconds', ' s') },
  { section: 'Delivery', figure: 'First to last send', value: num('deliverySeconds', ' s') },
  {
    section: 'Delivery',
    figure: 'Time ÷ (N/R)',
    value: num('deliveryRatio'),
    goal: '≤ 1.05',
    met: (f) => n(f, 'deliveryRatio') <= 1.05,
  },
  {
    section: 'Delivery',
    figure: 'Throttle errors',
    // All paced runs together; the run at the full rate on its own beside them.
    value: (f) =>
      typeof f.throttleErrorsAtFullRate === 'number' && f.throttleErrorsAtFullRate !== f.throttleErrors
        ? `${num('throttleErrors')(f)} (${num('throttleErrorsAtFullRate')(f)} at the full rate)`
        : num('throttleErrors')(f),
    goal: '0',
    met: (f) => n(f, 'throttleErrors') === 0,
  },
  { section: 'Delivery', figure: 'Busiest sliding second', value: num('deliveryBusiestSecond') },
  {
    section: 'Delivery',
    figure: 'Duplicates',
    value: num('duplicates'),
    goal: '0',
    met: (f) => n(f, 'duplicates') === 0,
  },
  {
    section: 'Delivery',
    figure: 'No cap: sends into a no-op SES stand-in',
    value: num('noopSendsPerSecond', ' /s'),
    goal: '≥ 1,500 /s',
    met: (f) => n(f, 'noopSendsPerSecond') >= 1500,
  },
  {
    section: 'Delivery',
    figure: 'Sender CPU per email (no-op run, all threads)',
    value: num('senderCpuMsPerEmail', ' ms'),
    goal: '≤ 1.5 ms',
    met: (f) => n(f, 'senderCpuMsPerEmail') <= 1.5,
  },
  {
    section: 'Delivery',
    figure: 'No cap: sends into the SES emulator',
    value: num('uncappedSendsPerSecond', ' /s'),
  },
  {
    section: 'Delivery',
    figure: 'Emulator alone (raw SendRawEmail)',
    value: (f) =>
      f.rawEmulatorSendsPerSecond === undefined
        ? undefined
        : `${num('rawEmulatorSendsPerSecond', ' /s')(f)} at concurrency ${f.uncappedConcurrency}`,
  },
  {
    section: 'Delivery',
    figure: 'Time ÷ (N/R) at a rate the local store sustains',
    value: (f) =>
      f.deliveryRatioSustainable === undefined
        ? undefined
        : `${f.deliveryRatioSustainable} at ${f.deliverySustainableRate}/s`,
    goal: '≤ 1.05',
    met: (f) => n(f, 'deliveryRatioSustainable') <= 1.05,
  },
  {
    section: 'Delivery',
    figure: 'Sender CPU per email (paced run)',
    value: num('deliveryCpuMsPerSend', ' ms'),
  },
  {
    section: 'Delivery',
    figure: 'Store calls per email · store alone',
    value: (f) =>
      f.deliveryStoreOpsPerSecond === undefined
        ? undefined
        : `${f.deliveryStoreCallsPerSend} · ${num('deliveryStoreOpsPerSecond', ' /s')(f)}`,
  },
  { section: 'Delivery', figure: 'Bottleneck', value: str('bottleneck') },
  {
    section: 'Fan-out',
    figure: 'Subscribers (small · large)',
    value: (f) =>
      f.fanoutLarge === undefined ? undefined : `${num('fanoutSmall')(f)} · ${num('fanoutLarge')(f)}`,
  },
  {
    section: 'Fan-out',
    figure: 'Dispatch time (small · large)',
    value: (f) =>
      f.fanoutSeconds100k === undefined ? undefined : `${f.fanoutSecondsSmall} s · ${f.fanoutSeconds100k} s`,
  },
  { section: 'Fan-out', figure: 'Pages per second (large)', value: num('fanoutPagesPerSecond', ' /s') },
  {
    section: 'Fan-out',
    figure: 'Peak RSS (small · large)',
    value: (f) =>
      f.fanoutRssMb100k === undefined ? undefined : `${f.fanoutRssMb10k} MB · ${f.fanoutRssMb100k} MB`,
    goal: 'flat (≤ +25 %)',
    met: (f) => n(f, 'fanoutRssMb100k') <= n(f, 'fanoutRssMb10k') * 1.25,
  },
  {
    section: 'API',
    figure: 'POST /subscribe (connections · seconds)',
    value: (f) => (f.apiConnections === undefined ? undefined : `${f.apiConnections} · ${f.apiSeconds} s`),
  },
  {
    section: 'API',
    figure: 'Requests per second',
    value: num('apiRequestsPerSecond', ' /s'),
    goal: '≥ 150 /s',
    met: (f) => n(f, 'apiRequestsPerSecond') >= 150,
  },
  { section: 'API', figure: 'p99 latency', value: num('apiP99Ms', ' ms') },
  {
    section: 'API',
    figure: 'Store calls per subscribe',
    value: num('storeCallsPerSubscribe'),
    goal: '≤ 3',
    met: (f) => n(f, 'storeCallsPerSubscribe') <= 3,
  },
  { section: 'API', figure: 'Server CPU per subscribe', value: num('apiServerCpuMsPerSubscribe', ' ms') },
  { section: 'API', figure: 'Store alone: raw UpdateItem', value: num('apiStoreOpsPerSecond', ' /s') },
  { section: 'API', figure: 'Bottleneck', value: str('apiBottleneck') },
  { section: 'API', figure: 'Confirmation emails queued', value: num('apiConfirmationsQueued') },
  {
    section: 'API',
    figure: 'Errors (non-2xx, socket)',
    value: num('apiErrors'),
    goal: '0',
    met: (f) => n(f, 'apiErrors') === 0,
  },
  {
    section: 'API',
    figure: 'Accepted addresses lost or doubled',
    value: (f) =>
      f.apiLostOrDoubled === undefined ? undefined : `${f.apiLostOrDoubled} of ${num('apiAccepted')(f)}`,
    goal: '0',
    met: (f) => n(f, 'apiLostOrDoubled') === 0,
  },
];

export function formatTable(figures: Figures, machine: Record<string, unknown>): string {
  const rows: string[][] = [];
  for (const row of ROWS) {
    const value = row.value(figures);
    if (value === undefined) continue;
    rows.push([
      row.section,
      row.figure,
      value,
      row.goal ?? '',
      row.met ? (row.met(figures) ? 'yes' : 'NO') : '',
    ]);
  }
  const bundleKb = figures.bundleKb as Record<string, number> | undefined;
  const cold = figures.coldStartRatio as Record<string, number> | undefined;
  const coldMs = figures.coldStartMs as Record<string, number> | undefined;
  for (const name of Object.keys(bundleKb ?? {})) {
    rows.push([
      'Cold start',
      `${name}: bundle · first answer (× node -e 0)`,
      `${bundleKb![name]} KB · ${coldMs?.[name] ?? '?'} ms (${cold?.[name] ?? '?'}×)`,
      '',
      '',
    ]);
  }
  if (figures.bareNodeMs !== undefined)
    rows.push(['Cold start', 'Bare node -e 0', `${figures.bareNodeMs} ms`, '', '']);
  const quick = machine.quick === true;
  const header = quick ? ['Section', 'Figure', 'Value'] : ['Section', 'Figure', 'Value', 'Goal', 'Met'];
  const cells = quick ? rows.map((r) => r.slice(0, 3)) : rows;
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    quick
      ? 'Talkwatch benchmarks: SMOKE RUN (--quick). Small sizes that check every section runs; the figures\n' +
        'are not meaningful at this size and no goal is checked. `npm run bench` measures.'
      : 'Talkwatch benchmarks',
    `Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ].join('\n');
}
