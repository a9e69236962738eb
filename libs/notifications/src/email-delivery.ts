/**
 * The pure rules of notification e-mail: the deterministic Message-ID, the retry backoff, what
 * an SMTP error may leave in the database, and the text of a mail. No Nest, no SQL.
 */

const SECOND_MS = 1000;
/** The longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 10 * 60 * SECOND_MS;

/**
 * The Message-ID of a notification's e-mail. Every attempt uses the same one, so a mail sent
 * again after a crash between sending and recording it can be recognised by the receiver.
 */
export function messageIdOf(notificationId: string): string {
  return `<notification-${notificationId}@hausakte>`;
}

/** How long to wait after the `attempts`-th failed attempt: 2^attempts seconds, at most 10 minutes. */
export function retryDelayMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts must be a whole number ≥ 1, not ${attempts}`);
  }
  // 2^10 s already exceeds the cap; stop there so large counts cannot overflow.
  return Math.min(2 ** Math.min(attempts, 10) * SECOND_MS, MAX_RETRY_DELAY_MS);
}

export type AfterFailure = { status: 'pending'; retryInMs: number } | { status: 'failed' };

/** What becomes of an e-mail whose attempt number `attempts` (counting this one) failed. */
export function afterFailedAttempt(attempts: number, maxAttempts: number): AfterFailure {
  if (attempts >= maxAttempts) return { status: 'failed' };
  return { status: 'pending', retryInMs: retryDelayMs(attempts) };
}

/** nodemailer's codes for "the server could not be reached or talked to": trying the next mail now is pointless. */
const UNREACHABLE_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EAUTH',
  'ETLS',
  'EPROTOCOL',
]);

interface SmtpErrorLike {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

export function isServerUnreachable(error: unknown): boolean {
  const code = (error as SmtpErrorLike | null)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}

const ADDRESS = /[^\s<>()[\]\\,;:"']+@[^\s<>()[\]\\,;:"']+/g;
const MAX_ERROR_LENGTH = 500;

/**
 * The error as it may be stored and logged: code, SMTP reply code and message, with every
 * e-mail address replaced (servers quote the rejected recipient), on one line, cut short.
 */
export function describeSmtpError(error: unknown): string {
  const e = (error ?? {}) as SmtpErrorLike;
  const code = typeof e.code === 'string' ? e.code : 'ERROR';
  const reply = typeof e.responseCode === 'number' ? ` ${e.responseCode}` : '';
  const message =
    typeof e.message === 'string' ? e.message : typeof error === 'string' ? error : 'unknown';
  const clean = message.replace(ADDRESS, '[address]').replace(/\s+/g, ' ').trim();
  const text = `${code}${reply}: ${clean}`;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** The mail's plain text: the body, the link into Hausakte if there is one, and who sent it. */
export function emailText(body: string, link: string | null, publicUrl: string): string {
  const parts = [body.trim()];
  if (link) parts.push(`In Hausakte öffnen: ${publicUrl.replace(/\/+$/, '')}${link}`);
  parts.push(
    '-- \nDiese Nachricht hat Hausakte automatisch versandt. Sie steht auch in Ihrem Posteingang in Hausakte.',
  );
  return parts.join('\n\n');
}
