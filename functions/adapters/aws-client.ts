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

export function requestHandlerOptions() {
  return { httpAgent: new HttpAgent(options), httpsAgent: new HttpsAgent(options) };
}
