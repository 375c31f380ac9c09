// A server, in its own process, that answers the two calls an email makes at once and parses nothing:
// DynamoDB (any JSON target) with `{}`, anything else with an SES SendRawEmail answer. For
// bench/sdk-calls.ts, so the CPU it measures is the client's alone. It also renders the digest that
// bench sends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { digestHtml } from './delivery';
import { report } from './support';

const SES_ANSWER =
  '<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult>' +
  '<MessageId>0100noop</MessageId></SendRawEmailResult>' +
  '<ResponseMetadata><RequestId>noop</RequestId></ResponseMetadata></SendRawEmailResponse>';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url?.startsWith('/v2/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"MessageId":"0100noop"}');
    } else if (req.headers['x-amz-target']) {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
    } else {
      res.writeHead(200, { 'content-type': 'text/xml' }).end(SES_ANSWER);
    }
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
// The digest the bench sends, rendered here: React switches on async hooks in a process that renders.
const html = await digestHtml();
report({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, html });
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
