import { createServer, Server, Socket } from 'node:net';
import { freePort, parseHeaders } from '@hausakte/testing';

/** One message as the sink received it. */
export interface SinkMail {
  to: string[];
  /** The Message-ID header, with its angle brackets; null if there is none. */
  messageId: string | null;
  receivedAt: number;
}

export interface PromptSmtpSink {
  port: number;
  url: string;
  /** Every message received, duplicates included, in order of arrival. */
  readonly messages: SinkMail[];
  stop(): Promise<void>;
}

/**
 * A plain SMTP server (no TLS, no auth) that keeps every message and greets at once, as a mail
 * relay does. libs/testing's startSmtpSink (smtp-server) holds every greeting 100 ms to catch
 * early talkers; the app opens one connection per e-mail, so with that sink it sends about
 * 8 e-mails/s, and a drill of thousands of reminders would measure the sink. This one speaks
 * just what nodemailer says: EHLO/HELO, MAIL, RCPT, DATA (dot-stuffed), RSET, NOOP, QUIT.
 */
export async function startPromptSmtpSink(): Promise<PromptSmtpSink> {
  const port = await freePort();
  const messages: SinkMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setNoDelay(true);
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let to: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    const onLine = (line: string) => {
      if (inData) {
        if (line === '.') {
          inData = false;
          const headers = parseHeaders(data.join('\r\n'));
          messages.push({ to, messageId: headers['message-id'] ?? null, receivedAt: Date.now() });
          data = [];
          to = [];
          reply('250 OK: queued');
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
        return;
      }
      const verb = line.slice(0, 4).toUpperCase();
      switch (verb) {
        case 'EHLO':
          socket.write('250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
          return;
        case 'HELO':
          return reply('250 sink');
        case 'MAIL':
          to = [];
          return reply('250 OK');
        case 'RCPT': {
          const address = /<([^>]*)>/.exec(line)?.[1];
          if (address) to.push(address);
          return reply('250 OK');
        }
        case 'DATA':
          inData = true;
          return reply('354 End data with <CR><LF>.<CR><LF>');
        case 'RSET':
          to = [];
          data = [];
          return reply('250 OK');
        case 'NOOP':
          return reply('250 OK');
        case 'QUIT':
          reply('221 Bye');
          socket.end();
          return;
        default:
          return reply('502 Command not implemented');
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        onLine(line);
      }
    });
    reply('220 sink ESMTP');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
