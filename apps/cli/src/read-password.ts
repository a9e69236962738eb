import { createInterface } from 'node:readline';

/**
 * The new user's password: from HAUSAKTE_USER_PASSWORD, else standard input (a prompt without
 * echo on a terminal, the first line of a pipe). Never from the command line, where `ps` shows it.
 */
export async function readPassword(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.HAUSAKTE_USER_PASSWORD) return env.HAUSAKTE_USER_PASSWORD;
  const input = process.stdin;
  const rl = createInterface({ input, output: process.stderr, terminal: input.isTTY });
  if (input.isTTY) {
    process.stderr.write('Password (not shown): ');
    // Swallow the echo of typed characters.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
    return '';
  } finally {
    rl.close();
    if (input.isTTY) process.stderr.write('\n');
  }
}
