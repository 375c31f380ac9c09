// Each call's endpoint, resolved by the SDK once per client and command rather than on every call.
//
// Every command adds the SDK's endpoint step itself, and it ran on every email: a copy of the whole
// client config (about 50 keys), every endpoint parameter read through its own async provider (the
// custom endpoint of a local emulator parsed again each time), then the rules' cache looked up. The
// answer depends only on the client's settings (region, FIPS, dual stack, endpoint: fixed once the
// client is built), on the input members the command's rules read (DynamoDB: the table name, or
// the batch's table names) and on the credentials' account and scope (DynamoDB's account endpoints).
// So the step is replaced, on our lean clients, by one that keys a cache on those last two and asks
// the SDK's own resolution (`getEndpointFromInstructions`, the same rules and providers) on a miss,
// then sets the call's context as the SDK's step does (endpoint, auth schemes, signing region and
// service), which SigV4 then reads.
import { endpointMiddlewareOptions, getEndpointFromInstructions } from '@smithy/core/endpoints';
import { getSmithyContext } from '@smithy/core/transport';
import type {
  EndpointV2,
  HandlerExecutionContext,
  MiddlewareStack,
  SerializeHandler,
  SerializeMiddleware,
} from '@smithy/types';

interface Instruction {
  type: string;
  name?: string;
  get?: (input: unknown) => unknown;
}
type Instructions = Record<string, Instruction>;
interface CommandClass {
  getEndpointParameterInstructions?: () => Instructions;
}
interface Identity {
  accountId?: string;
  AccountId?: string;
  credentialScope?: string;
  CredentialScope?: string;
}
interface AuthScheme {
  signingRegion?: string;
  signingName?: string;
  signingRegionSet?: string[];
  properties?: object;
}

/** Per client, a few endpoints per command at most (one per table); a runaway key set starts over. */
const MAX_KEYS = 64;

/** What, besides the client's settings, the command's endpoint rules read for this call. */
async function keyOf(instructions: Instructions, input: Record<string, unknown>, config: object) {
  let key = '';
  for (const param in instructions) {
    const instruction = instructions[param]!;
    if (instruction.type === 'contextParams') {
      key += `${param}=${JSON.stringify(input[instruction.name!] ?? null)};`;
    } else if (instruction.type === 'operationContextParams') {
      key += `${param}=${JSON.stringify(instruction.get?.(input) ?? null)};`;
    } else if (/^(accountId|credentialScope)$/i.test(instruction.name ?? param)) {
      const holder = config as { credentials?: Identity | (() => Promise<Identity>) };
      const identity =
        typeof holder.credentials === 'function' ? await holder.credentials() : holder.credentials;
      key += `${param}=${identity?.accountId ?? identity?.AccountId ?? ''}/${identity?.credentialScope ?? identity?.CredentialScope ?? ''};`;
    }
  }
  return key;
}

/** The call's context as the SDK's endpoint step leaves it. */
function applyEndpoint(context: HandlerExecutionContext, endpoint: EndpointV2): void {
  const holder = context as unknown as Record<string, unknown>;
  holder.endpointV2 = endpoint;
  const authSchemes = endpoint.properties?.authSchemes as AuthScheme[] | undefined;
  holder.authSchemes = authSchemes;
  const authScheme = authSchemes?.[0];
  if (!authScheme) return;
  holder.signing_region = authScheme.signingRegion;
  holder.signing_service = authScheme.signingName;
  const selected = (
    getSmithyContext(context) as {
      selectedHttpAuthScheme?: { httpAuthOption?: { signingProperties?: object } };
    }
  ).selectedHttpAuthScheme;
  const option = selected?.httpAuthOption;
  if (option) {
    option.signingProperties = Object.assign(
      option.signingProperties || {},
      {
        signing_region: authScheme.signingRegion,
        signingRegion: authScheme.signingRegion,
        signing_service: authScheme.signingName,
        signingName: authScheme.signingName,
        signingRegionSet: authScheme.signingRegionSet,
      },
      authScheme.properties,
    );
  }
}

/** Replaces the SDK's per-call endpoint step on `client`'s commands with the cached one. */
export function cacheEndpoints(client: {
  // biome-ignore lint/suspicious/noExplicitAny: any client's stack, whatever its input and output types
  middlewareStack: MiddlewareStack<any, any>;
  config: object;
}): void {
  const config = client.config;
  const byCommand = new WeakMap<CommandClass, Map<string, Promise<EndpointV2>>>();
  const step: SerializeMiddleware<object, object> =
    (next: SerializeHandler<object, object>, context) => async (args) => {
      const command = (getSmithyContext(context) as { commandInstance?: { constructor: CommandClass } })
        .commandInstance?.constructor;
      const instructions = command?.getEndpointParameterInstructions?.();
      // Every SDK command class carries its rules' parameters; without them there is nothing to resolve.
      if (!command || !instructions) throw new Error(`no endpoint parameters for ${context.commandName}`);
      const input = args.input as Record<string, unknown>;
      let cache = byCommand.get(command);
      if (!cache) {
        cache = new Map();
        byCommand.set(command, cache);
      }
      const key = await keyOf(instructions, input, config);
      let endpoint = cache.get(key);
      if (!endpoint) {
        if (cache.size >= MAX_KEYS) cache.clear();
        endpoint = getEndpointFromInstructions(
          input,
          // The command's own parameters, typed loosely here.
          { getEndpointParameterInstructions: () => instructions as never },
          { ...config },
          context,
        );
        cache.set(key, endpoint);
        // A failed resolution is not kept: the next call asks again.
        const failed = key;
        endpoint.catch(() => cache.delete(failed));
      }
      applyEndpoint(context, await endpoint);
      return next(args);
    };
  const stack = client.middlewareStack;
  const concat = stack.concat.bind(stack);
  // A command's stack is the client's concatenated with the command's own (where it adds the SDK's
  // endpoint step); ours, under the same name, takes that step's place.
  stack.concat = ((from: Parameters<typeof concat>[0]) => {
    const joined = concat(from);
    joined.addRelativeTo(step, endpointMiddlewareOptions);
    return joined;
  }) as typeof stack.concat;
}
