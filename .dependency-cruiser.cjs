/**
 * Layering rules for Talkwatch, checked by `npm run lint` (and so by CI).
 * The shape: Lambda entries and the local server are composition roots; they alone build adapters.
 * The domain is pure (no adapter, app, Hono, AWS SDK or process.env); ports and emails know no adapter.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle hides which module owns what; move the shared type to the module that owns it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'The domain takes ports as arguments: it imports no adapter, route, host wiring, Hono or AWS SDK.',
      from: { path: '^functions/domain/' },
      to: {
        path: [
          '^functions/(adapters|app|handlers|local|aws)/',
          '^functions/(deps|config)\\.ts$',
          '^node_modules/(hono|@hono|@aws-sdk|@aws-lambda-powertools|@smithy)/',
        ],
      },
    },
    {
      name: 'ports-know-no-adapter',
      severity: 'error',
      comment: 'A port is an interface the domain owns; it cannot depend on an implementation.',
      from: { path: '^functions/ports/' },
      to: { path: ['^functions/(adapters|app|handlers|local|aws)/', '^node_modules/(@aws-sdk|hono)/'] },
    },
    {
      name: 'emails-know-no-adapter',
      severity: 'error',
      comment: 'Templates render what they are given; they read no store and no file system.',
      from: { path: '^emails/' },
      to: { path: ['^functions/(adapters|app|handlers|local|aws)/', '^node_modules/@aws-sdk/'] },
    },
    {
      name: 'only-roots-build-adapters',
      severity: 'error',
      comment:
        'Adapters are built in one place per host (functions/deps.ts for Lambda, functions/local/ for the local stack); routes and handlers get ports.',
      from: {
        path: '^functions/',
        pathNot: [
          '^functions/adapters/',
          '^functions/deps\\.ts$',
          '^functions/summariser-deps\\.ts$',
          '^functions/feeds-deps\\.ts$',
          '^functions/aws/',
          '^functions/local/',
          '^functions/local\\.ts$',
        ],
      },
      to: { path: '^functions/adapters/' },
    },
    {
      name: 'domain-layers',
      severity: 'error',
      comment:
        'Domain folders depend one way: summarise < model-summary < developments < subscribers < issues < delivery. Shared types go to the lower folder (or a root module of domain/).',
      from: { path: '^functions/domain/summarise/' },
      to: { path: '^functions/domain/(model-summary|developments|subscribers|issues|delivery)/' },
    },
    {
      name: 'domain-layers-model-summary',
      severity: 'error',
      from: { path: '^functions/domain/model-summary/' },
      to: { path: '^functions/domain/(developments|subscribers|issues|delivery)/' },
    },
    {
      name: 'domain-layers-developments',
      severity: 'error',
      from: { path: '^functions/domain/developments/' },
      to: { path: '^functions/domain/(subscribers|issues|delivery)/' },
    },
    {
      name: 'domain-layers-subscribers',
      severity: 'error',
      from: { path: '^functions/domain/subscribers/' },
      to: { path: '^functions/domain/(developments|issues|delivery)/' },
    },
    {
      name: 'domain-layers-issues',
      severity: 'error',
      from: { path: '^functions/domain/issues/' },
      to: { path: '^functions/domain/delivery/' },
    },
    {
      name: 'domain-roots-depend-on-nothing-above',
      severity: 'error',
      comment:
        'The modules at the root of domain/ (catalogue, queue messages, errors, retry, link markers) sit below every folder.',
      from: { path: '^functions/domain/[^/]+\\.ts$' },
      to: { path: '^functions/domain/[^/]+/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: { path: ['^functions/', '^emails/', '^node_modules/'] },
    exclude: { path: ['\\.test\\.tsx?$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
