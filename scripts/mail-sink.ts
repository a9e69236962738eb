/**
 * The demo's mail server: takes every message sent to smtp://127.0.0.1:1025 (no TLS, no
 * sign-in), writes it to var/mail/<time>-<Message-ID>.eml and prints one line per mail.
 * Nothing is forwarded. `npm run demo` starts it unless SMTP_URL is set.
 *
 *   node -r ts-node/register/transpile-only scripts/mail-sink.ts [--port 1025] [--dir var/mail]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '1025' },
    dir: { type: 'string', default: 'var/mail' },
  },
});
const port = Number(values.port);
const dir = resolve(values.dir);
mkdirSync(dir, { recursive: true });

/** RFC 2047 encoded words, as nodemailer writes a subject with umlauts. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, charset: string, enc: string, text: string) => {
        const bytes =
          enc.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                    String.fromCharCode(parseInt(hex, 16)),
                  ),
                'latin1',
              );
        return new TextDecoder(charset.toLowerCase()).decode(bytes);
      },
    );
}

/** One header of a raw message, unfolded and decoded. */
function header(raw: string, name: string): string | undefined {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const line = block
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? undefined : decodeWords(line.slice(name.length + 1).trim());
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = raw.toString('utf8');
      const messageId = header(text, 'Message-ID') ?? `no-id-${Date.now()}`;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId
        .replace(/[<>]/g, '')
        .replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`;
      try {
        writeFileSync(join(dir, name), raw);
      } catch (error) {
        return callback(error as Error);
      }
      const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
      console.log(`mail: ${to} – ${header(text, 'Subject') ?? '(no subject)'}`);
      callback();
    });
  },
});

server.on('error', (error: Error & { code?: string }) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `mail-sink: 127.0.0.1:${port} is in use; mails go to whatever listens there (not to ${values.dir})`,
    );
    process.exit(0);
  }
  console.error(`mail-sink: ${error.message}`);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`mail-sink: smtp://127.0.0.1:${port}, every mail is kept in ${values.dir}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
