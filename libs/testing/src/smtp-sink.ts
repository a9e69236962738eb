import { SMTPServer } from 'smtp-server';
import { freePort } from './private-servers';

/** One message as the sink received it. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The Message-ID header, with its angle brackets; null if there is none. */
  messageId: string | null;
  /** The Subject header, decoded. */
  subject: string | null;
  /** Header names lower-case, values unfolded and decoded. */
  headers: Record<string, string>;
  raw: string;
  receivedAt: Date;
}

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Every message received since the start, duplicates included, in order of arrival. */
  readonly messages: ReceivedMail[];
  /** Stops listening (connections are refused) while keeping the messages and the port. */
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
  /** Resolves with the messages matching `predicate` once there are at least `count`. */
  waitFor(
    predicate: (mail: ReceivedMail) => boolean,
    options?: { count?: number; timeoutMs?: number },
  ): Promise<ReceivedMail[]>;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?M=C3=A4ngel?=`), as nodemailer writes non-ASCII headers. */
export function decodeMimeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, charset: string, encoding: string, text: string) => {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-Fa-f]{2})/g, (_m: string, hex: string) =>
                    String.fromCharCode(parseInt(hex, 16)),
                  ),
                'latin1',
              );
        return new TextDecoder(charset.toLowerCase()).decode(bytes);
      },
    );
}

/** The header block of a raw message: names lower-case, continuation lines unfolded. */
export function parseHeaders(raw: string): Record<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeMimeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * An SMTP server of the test's own on a free port (no TLS, no auth) that keeps every message
 * in memory. stop() and start() simulate a mail server outage.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  const messages: ReceivedMail[] = [];
  let server: SMTPServer | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const headers = parseHeaders(raw);
            messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              messageId: headers['message-id'] ?? null,
              subject: headers.subject ?? null,
              headers,
              raw,
              receivedAt: new Date(),
            });
            callback();
          });
        },
      });
      smtp.on('error', () => undefined);
      smtp.server.once('error', reject);
      smtp.listen(port, '127.0.0.1', () => {
        server = smtp;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const running = server;
      server = undefined;
      if (!running) return resolve();
      running.close(() => resolve());
    });

  const waitFor: SmtpSink['waitFor'] = async (predicate, options = {}) => {
    const count = options.count ?? 1;
    const until = Date.now() + (options.timeoutMs ?? 20_000);
    for (;;) {
      const found = messages.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > until) {
        throw new Error(`expected ${count} matching mail(s), got ${found.length} in time`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  await listen();
  return { port, url: `smtp://127.0.0.1:${port}`, messages, stop, start: listen, waitFor };
}
