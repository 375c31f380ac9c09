// Mailer in memory: keeps every accepted email, for route tests that need no SES emulator. The real
// path (MailComposer + SendRawEmail into aws-ses-v2-local) is tested in tests/integration.
import { randomUUID } from 'node:crypto';
import type { Mailer, OutgoingEmail, SendQuota, SendResult } from '../../ports/mailer';

export class MemoryMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];

  async send(email: OutgoingEmail): Promise<SendResult> {
    this.sent.push(structuredClone(email));
    return { providerMessageId: randomUUID() };
  }

  async quota(): Promise<SendQuota> {
    return { max24HourSend: 50_000, maxSendRate: 14, sentLast24Hours: this.sent.length };
  }
}
