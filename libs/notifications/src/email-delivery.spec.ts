import {
  afterFailedAttempt,
  describeSmtpError,
  emailText,
  isServerUnreachable,
  MAX_RETRY_DELAY_MS,
  messageIdOf,
  retryDelayMs,
} from './email-delivery';

describe('notification e-mail rules', () => {
  it('gives every attempt of one notification the same Message-ID', () => {
    const id = '0b6f3a52-4c1e-4c0e-9d55-6a0f3f1f2a10';
    expect(messageIdOf(id)).toBe(`<notification-${id}@hausakte>`);
    expect(messageIdOf(id)).toBe(messageIdOf(id));
  });

  it('waits 2, 4, 8 … seconds after each failure, never longer than 10 minutes', () => {
    expect([1, 2, 3, 4, 9].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16_000, 512_000]);
    expect(retryDelayMs(10)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(11)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(5000)).toBe(MAX_RETRY_DELAY_MS);
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });

  it('keeps an e-mail pending until its last allowed attempt failed, then marks it failed', () => {
    expect(afterFailedAttempt(1, 10)).toEqual({ status: 'pending', retryInMs: 2000 });
    expect(afterFailedAttempt(9, 10)).toEqual({ status: 'pending', retryInMs: 512_000 });
    expect(afterFailedAttempt(10, 10)).toEqual({ status: 'failed' });
    expect(afterFailedAttempt(1, 1)).toEqual({ status: 'failed' });
  });

  it('tells an unreachable server from a rejected message', () => {
    expect(isServerUnreachable(Object.assign(new Error('refused'), { code: 'ECONNECTION' }))).toBe(
      true,
    );
    expect(isServerUnreachable(Object.assign(new Error('no'), { code: 'EENVELOPE' }))).toBe(false);
    expect(isServerUnreachable(new Error('plain'))).toBe(false);
    expect(isServerUnreachable(null)).toBe(false);
  });

  it('stores SMTP errors without the addresses servers quote in them', () => {
    const error = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <olaf.s@herne.example>: Recipient\r\n address rejected",
      ),
      { code: 'EENVELOPE', responseCode: 550 },
    );
    const stored = describeSmtpError(error);
    expect(stored).toBe(
      "EENVELOPE 550: Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: Recipient address rejected",
    );
    expect(stored).not.toMatch(/herne\.example/);
    expect(describeSmtpError('x'.repeat(2000))).toHaveLength(500);
    expect(describeSmtpError(undefined)).toBe('ERROR: unknown');
  });

  it('writes the body, an absolute link into the app and a signature', () => {
    const text = emailText(
      'Die Frist läuft am 01.12.2026 ab.',
      '/vorgaenge/42',
      'https://hausakte.herne.de/',
    );
    expect(text).toContain('Die Frist läuft am 01.12.2026 ab.');
    expect(text).toContain('In Hausakte öffnen: https://hausakte.herne.de/vorgaenge/42');
    expect(emailText('Text', null, 'http://localhost:3000')).not.toContain('öffnen');
  });
});
