// Fetching a URL that came from configuration or a redirect chain we do not control, without letting
// it reach inside our network or exhaust the process: http(s) only (https only when asked, as in AWS),
// at most MAX_REDIRECTS hops each checked again, every address a host name resolves to checked at
// connect time (a name that later resolves elsewhere cannot slip through), a byte cap on the body,
// and one deadline that aborts the request whatever stage it is in.

import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export const MAX_REDIRECTS = 3;

export interface SafeFetchOptions {
  /** Whole request, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Refuse plain http (AWS). */
  httpsOnly?: boolean;
  /** Loopback and private addresses are refused unless this says yes (tests serve on loopback). */
  allowAddress?: (address: string) => boolean;
  userAgent?: string;
}

export class FetchRefused extends Error {
  override name = 'FetchRefused';
}

/** Loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, reserved, unspecified. */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return isPublicAddress(mapped);
    return !NOT_PUBLIC.check(address, 'ipv6');
  }
  return !NOT_PUBLIC.check(address, 'ipv4');
}

/** The body of `url` as text, or a FetchRefused / Error naming why not. */
export async function safeFetchText(url: string, options: SafeFetchOptions = {}): Promise<string> {
  const allowed = options.allowAddress ?? isPublicAddress;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`no complete answer within ${options.timeoutMs ?? 10_000} ms`)),
    options.timeoutMs ?? 10_000,
  );
  try {
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      checkUrl(target, options, allowed);
      const answer = await get(target, options, allowed, controller.signal);
      if (answer.redirect === undefined) return answer.body;
      if (hop >= MAX_REDIRECTS) throw new FetchRefused(`more than ${MAX_REDIRECTS} redirects`);
      target = new URL(answer.redirect, target);
    }
  } finally {
    clearTimeout(timer);
  }
}

function checkUrl(url: URL, options: SafeFetchOptions, allowed: (a: string) => boolean) {
  if (url.protocol !== 'https:' && (url.protocol !== 'http:' || options.httpsOnly)) {
    throw new FetchRefused(`${url.protocol} URLs are not fetched${options.httpsOnly ? ' (https only)' : ''}`);
  }
  if (url.username || url.password) throw new FetchRefused('URLs with credentials are not fetched');
  // A literal address never goes through the lookup below, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowed(host)) throw new FetchRefused(`${host} is not a public address`);
}

/** Resolves like dns.lookup, but fails the connection when any answer is not an allowed address. */
function guardedLookup(allowed: (a: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as Array<{ address: string; family: number }>;
      const refused = list.find((a) => !allowed(a.address));
      if (refused || list.length === 0) {
        return callback(
          new FetchRefused(`${hostname} resolves to ${refused?.address ?? 'nothing'}, not a public address`),
          '',
          0,
        );
      }
      if ((options as { all?: boolean }).all)
        return (callback as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function get(
  url: URL,
  options: SafeFetchOptions,
  allowed: (a: string) => boolean,
  signal: AbortSignal,
): Promise<{ body: string; redirect?: undefined } | { redirect: string; body?: undefined }> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        signal,
        lookup: guardedLookup(allowed),
        headers: {
          'user-agent': options.userAgent ?? 'Talkwatch feed poller',
          accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ redirect: response.headers.location });
        }
        if (status < 200 || status >= 300) {
          response.resume();
          return reject(new Error(`status ${status}`));
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          request.destroy();
          return reject(new FetchRefused(`feed larger than ${maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy();
            reject(new FetchRefused(`feed larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', (error) => reject(signal.aborted ? signal.reason : error));
  });
}
