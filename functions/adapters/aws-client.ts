// What every AWS SDK client here shares: where it points (AWS, or an emulator with static credentials)
// and its HTTP agents.
//
// HTTP agents: Idle keep-alive sockets must expire before the server closes
// them, or a request written onto a socket the server is closing fails with ECONNRESET — an outcome
// the sender must treat as unknown. Node honours a server's `Keep-Alive: timeout=N` hint (expiring
// the socket a second early) only when the agent has a timeout of its own, hence `timeout`.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

export interface AwsClientSettings {
  region: string;
  endpoint?: string;
  /** Static credentials for emulators, which accept any; absent means the default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const options = { keepAlive: true, maxSockets: 64, timeout: 30_000 };

/** Keep-alive agents (64 sockets each, unless `maxSockets` says otherwise). */
export function requestHandlerOptions(settings: { maxSockets?: number } = {}) {
  const agent = { ...options, ...settings };
  return { httpAgent: new HttpAgent(agent), httpsAgent: new HttpsAgent(agent) };
}

type SignerFactory = (authScheme?: { signingRegion?: string; signingName?: string }) => Promise<unknown>;

/**
 * The SDK builds a new SigV4 signer for every request (copying the whole client config, then deriving
 * the signing key afresh: four HMACs); one per signing region and service serves every request, as it
 * reads the credentials provider at each signature and caches its key per day and credentials.
 * Call once on a client's `config`.
 */
export function reuseSigner(config: object): void {
  const holder = config as { signer?: SignerFactory };
  const build = holder.signer;
  if (!build) return;
  const signers = new Map<string, Promise<unknown>>();
  holder.signer = (authScheme) => {
    const key = `${authScheme?.signingRegion}/${authScheme?.signingName}`;
    let signer = signers.get(key);
    if (!signer) {
      signer = build(authScheme);
      signers.set(key, signer);
      signer.catch(() => signers.delete(key));
    }
    return signer;
  };
}
