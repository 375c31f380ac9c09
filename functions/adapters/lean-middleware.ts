// The per-call work of the SDK clients on the send path (the SES send and the store), trimmed to what
// AWS needs: once per email each, their middleware was most of a call's CPU before any network.
//
// - Dropped: the User-Agent builder (AWS reads the header for its statistics only; SigV4 never signs
//   it), the logger step (we pass no logger) and recursion detection (it copies Lambda's trace id into
//   a header, which only SQS, SNS and S3 read to stop Lambda loops; the SQS client keeps it).
// - Retries (`retries: 'ours'`): a pass-through in the retry step's place, for a client whose caller
//   retries (the SES send: shared rate, backoff with jitter; `maxAttempts: 1` already), instead of the
//   SDK's token bucket, invocation id and attempt header on every call.
// - Serialisation and deserialisation: the SDK's own protocol, called as the SDK's schema middleware
//   calls it, but with the call's context layered over the client config instead of both copied into a
//   fresh object twice per call (`{...config, ...context}`, 45–51 keys each). The protocol only reads
//   from that object (the endpoint, the stream collector, the error registry), so reads see the same
//   values. Errors get the SDK's `$response` and `$metadata` (the HTTP status, which tells "SES
//   answered" from "no answer" in `classify`).
//
// - The endpoint: resolved by the SDK once per command (and table), not on every call
//   (endpoint-cache.ts).
// - The hot calls' bodies (`fast`, see fast-requests.ts): written by hand for the inputs they know,
//   and their usual success answer read by hand; anything else goes to the SDK's protocol.
//
// What stays the SDK's: endpoint resolution, the host header, content length, SigV4 (kept per client,
// `reuseSigner`), the protocol's serialiser and error parsing, the HTTP handler and its sockets.
// Call before the client's first send (with `cacheMiddleware`, a command's stack is resolved once).
import { getSmithyContext, HttpRequest, toEndpointV1 } from '@smithy/core/transport';
import type {
  DeserializeHandler,
  Endpoint,
  EndpointV2,
  HandlerExecutionContext,
  MiddlewareStack,
  SerializeHandler,
} from '@smithy/types';
import { cacheEndpoints } from './endpoint-cache';
import type { FastRequests } from './fast-requests';

/** What the SDK's protocol object offers the schema middleware (its ClientProtocol). */
interface Protocol {
  serializeRequest(operation: object, input: unknown, context: object): Promise<unknown>;
  deserializeResponse(operation: object, context: object, response: unknown): Promise<unknown>;
  deserializeMetadata(response: unknown): object;
}

interface HttpAnswer {
  statusCode: number;
  body: unknown;
}

interface LeanClient {
  // biome-ignore lint/suspicious/noExplicitAny: any client's stack, whatever its input and output types
  middlewareStack: MiddlewareStack<any, any>;
  config: object;
}

/** Steps AWS does not need on our calls (see the header). */
export const DROPPED_STEPS = [
  'getUserAgentMiddleware',
  'loggerMiddleware',
  'recursionDetectionMiddleware',
] as const;

type OperationSchema = [unknown, string, string, unknown, unknown, unknown];

/** The SDK's `operation(...)` shape, from the schema tuple the command carries in its context. */
function operationOf(context: HandlerExecutionContext) {
  const [, namespace, name, traits, input, output] = ((
    getSmithyContext(context) as {
      operationSchema?: OperationSchema;
    }
  ).operationSchema ?? []) as Partial<OperationSchema>;
  return { name, namespace, traits, input, output };
}

/** The endpoint as the SDK's serialiser reads it, parsed once per resolved endpoint. */
const endpoints = new WeakMap<EndpointV2, Endpoint>();
function endpointV1(endpointV2: EndpointV2): Endpoint {
  let endpoint = endpoints.get(endpointV2);
  if (!endpoint) {
    endpoint = toEndpointV1(endpointV2) as Endpoint;
    endpoints.set(endpointV2, endpoint);
  }
  return endpoint;
}

/** A request as the SDK's RPC protocols build it (`updateServiceEndpoint`), with our headers and body. */
function fastRequest(endpoint: Endpoint, headers: Record<string, string>, body: Buffer): HttpRequest {
  return new HttpRequest({
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: endpoint.path.endsWith('/') ? endpoint.path : `${endpoint.path}/`,
    query: { ...endpoint.query },
    headers: { ...endpoint.headers, ...headers },
    body,
    method: 'POST',
  });
}

export function leanMiddleware(
  client: LeanClient,
  options: { retries: 'sdk' | 'ours'; fast?: FastRequests },
): void {
  const stack = client.middlewareStack;
  const config = client.config as {
    protocol: Protocol;
    endpoint?: unknown;
    streamCollector: (body: unknown) => Promise<Uint8Array>;
  };
  const fast = options.fast ?? {};
  cacheEndpoints(client);
  for (const name of DROPPED_STEPS) stack.remove(name);
  if (options.retries === 'ours') {
    stack.add((next) => next, {
      name: 'retryMiddleware',
      step: 'finalizeRequest',
      priority: 'high',
      tags: ['RETRY'],
      override: true,
    });
  }
  /** The context layered over the config: the same reads as the SDK's copy, without the copy. */
  const over = (context: HandlerExecutionContext, extra?: object) =>
    Object.assign(Object.create(config) as object, context, extra);
  stack.add(
    (next: SerializeHandler<object, object>, context) => async (args) => {
      const endpointV2 = (context as { endpointV2?: EndpointV2 }).endpointV2;
      const operation = operationOf(context);
      const mine =
        endpointV2 && operation.name !== undefined
          ? fast[operation.name]?.request(args.input as Record<string, unknown>)
          : undefined;
      if (mine)
        return next({ ...args, request: fastRequest(endpointV1(endpointV2!), mine.headers, mine.body) });
      const endpoint = endpointV2 ? async () => endpointV1(endpointV2) : config.endpoint;
      const request = await config.protocol.serializeRequest(
        operation,
        args.input,
        over(context, { endpoint }),
      );
      return next({ ...args, request });
    },
    { name: 'serializerMiddleware', step: 'serialize', tags: ['SERIALIZER'], override: true },
  );
  stack.add(
    (next: DeserializeHandler<object, object>, context) => async (args) => {
      const { response } = await next(args);
      const operation = operationOf(context);
      const read = operation.name !== undefined ? fast[operation.name]?.output : undefined;
      const http = response as HttpAnswer;
      if (read && http.statusCode >= 200 && http.statusCode < 300) {
        // Read here; an answer not recognised goes on to the SDK with its bytes.
        http.body = await config.streamCollector(http.body);
        const output = read(http.body as Uint8Array);
        if (output) {
          output.$metadata = config.protocol.deserializeMetadata(response);
          return { response, output };
        }
      }
      try {
        const output = await config.protocol.deserializeResponse(operation, over(context), response);
        return { response, output: output as object };
      } catch (error) {
        throw withResponse(error, response);
      }
    },
    { name: 'deserializerMiddleware', step: 'deserialize', tags: ['DESERIALIZER'], override: true },
  );
}

/** As the SDK's deserializer does: the raw response on the error, and its status when none was parsed. */
function withResponse(error: unknown, response: unknown): unknown {
  if (!error || typeof error !== 'object') return error;
  Object.defineProperty(error, '$response', { value: response, enumerable: false });
  const e = error as { $metadata?: object; $responseBodyText?: string };
  const http = response as { statusCode?: number; headers?: Record<string, string>; body?: unknown };
  if (!('$metadata' in e) && typeof http?.statusCode === 'number') {
    if (e.$responseBodyText !== undefined) http.body = e.$responseBodyText;
    const headers = Object.entries(http.headers ?? {});
    e.$metadata = {
      httpStatusCode: http.statusCode,
      requestId: headers.find(([k]) => /^x-[\w-]+-request-?id$/.test(k))?.[1],
    };
  }
  return error;
}
