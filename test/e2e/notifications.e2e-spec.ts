import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SystemJobs } from '@hausakte/jobs';
import { NotificationsService, NotifyInput, NotifyResult } from '@hausakte/notifications';
import { RequestContext, TransactionHost } from '@hausakte/platform';
import { SmtpSink, startSmtpSink, startTestApi, TestApi, TestUser } from '@hausakte/testing';
import { createWorkerApp } from '@hausakte/worker';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Item {
  id: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

interface Inbox {
  items: Item[];
  total: number;
  unread: number;
}

interface EmailState {
  email_status: string;
  email_attempts: number;
  email_last_error: string | null;
  email_sent_at: Date | null;
}

describe('notifications: the inbox exactly once, e-mail at least once', () => {
  let sink: SmtpSink;
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_ENABLED = 'true';
    process.env.MAIL_POLL_MS = '100';
    process.env.PUBLIC_URL = 'https://hausakte.herne.example';
    api = await startTestApi();
    worker = await createWorkerApp();
    await worker.init();
    db = api.app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.stop();
  });

  /** Runs `fn` as a domain command would: in a request context, inside one transaction. */
  const inTransaction = <T>(fn: (service: NotificationsService) => Promise<T>): Promise<T> =>
    api.app
      .get(RequestContext)
      .run(null, () =>
        api.app.get(TransactionHost).withTransaction(() => fn(api.app.get(NotificationsService))),
      );

  const notify = (input: NotifyInput): Promise<NotifyResult> =>
    inTransaction((service) => service.notify(input));

  const message = (recipient: TestUser, overrides: Partial<NotifyInput> = {}): NotifyInput => ({
    dedupKey: `reminder-${randomUUID()}-7d-2026-12-01`,
    recipientId: recipient.id,
    kind: 'deadline-reminder',
    subject: 'Frist läuft ab: Anordnung 2026-0042, Punkt 3',
    body: 'Die Frist für Punkt 3 (Feuchtigkeit beseitigen) endet am 01.12.2026.',
    link: '/vorgaenge/2026-0042',
    entity: { type: 'order_item', id: randomUUID() },
    ...overrides,
  });

  const emailState = async (id: string): Promise<EmailState> => {
    const [row]: EmailState[] = await db.query(
      `SELECT email_status, email_attempts, email_last_error, email_sent_at
       FROM notifications WHERE id = $1`,
      [id],
    );
    return row;
  };

  const mailsWith = (id: string) =>
    sink.messages.filter((mail) => mail.messageId === `<notification-${id}@hausakte>`);

  const inbox = (token: string, query = '') =>
    api.request<Inbox>('GET', `/api/v1/notifications${query}`, { token });

  it('writes one inbox entry per key, however often and in whichever transaction it is notified', async () => {
    const officer = await api.signIn('officer');
    const input = message(officer);

    const [first, again] = await inTransaction(async (service) => [
      await service.notify(input),
      await service.notify(input),
    ]);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    await expect(notify(input)).resolves.toEqual({ id: first.id, created: false });
    await expect(
      Promise.all([notify({ ...input, subject: 'anders' }), notify(input)]),
    ).resolves.toEqual([
      { id: first.id, created: false },
      { id: first.id, created: false },
    ]);

    // The notification belongs to the caller's transaction: a rollback leaves nothing behind.
    const rolledBack = message(officer);
    await expect(
      inTransaction(async (service) => {
        await service.notify(rolledBack);
        throw new Error('the domain command failed');
      }),
    ).rejects.toThrow('the domain command failed');
    const [{ count }]: Array<{ count: number }> = await db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE dedup_key IN ($1, $2)`,
      [input.dedupKey, rolledBack.dedupKey],
    );
    expect(count).toBe(1);

    // One key for two different messages is the caller's mistake, not a silent merge.
    await expect(notify({ ...input, kind: 'other-kind' })).rejects.toThrow(/already used/);

    const listed = await inbox(officer.token);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [
        {
          id: first.id,
          kind: 'deadline-reminder',
          subject: input.subject,
          body: input.body,
          link: '/vorgaenge/2026-0042',
          entityType: 'order_item',
          entityId: input.entity!.id,
          createdAt: expect.any(String),
          readAt: null,
        },
      ],
      total: 1,
      unread: 1,
    });
  });

  it('sends the e-mail once, with the Message-ID derived from the notification', async () => {
    const inspector = await api.signIn('inspector');
    const { id } = await notify(message(inspector));

    const [mail] = await sink.waitFor((m) => m.messageId === `<notification-${id}@hausakte>`);
    expect(mail.to).toEqual([inspector.email]);
    expect(mail.subject).toBe('Frist läuft ab: Anordnung 2026-0042, Punkt 3');
    expect(mail.headers.from).toBe('Hausakte <hausakte@localhost>');
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.raw).toContain('https://hausakte.herne.example/vorgaenge/2026-0042');
    await waitFor(async () => ((await emailState(id)).email_status === 'sent' ? true : undefined));
    expect(await emailState(id)).toMatchObject({
      email_status: 'sent',
      email_attempts: 1,
      email_last_error: null,
      email_sent_at: expect.any(Date),
    });

    // Many more sweeps later, still one mail.
    await sleep(1000);
    expect(mailsWith(id)).toHaveLength(1);
  });

  it('repeats the same Message-ID when a mail is sent again after a crash before it was recorded', async () => {
    const officer = await api.signIn('officer');
    const { id } = await notify(message(officer));
    await sink.waitFor((m) => m.messageId === `<notification-${id}@hausakte>`);
    await waitFor(async () => ((await emailState(id)).email_status === 'sent' ? true : undefined));

    // The state a sender leaves when it dies after SMTP accepted the mail and before the
    // database heard of it, once its claim has run out.
    await db.query(
      `UPDATE notifications
       SET email_status = 'pending', email_sent_at = NULL, email_next_attempt_at = now()
       WHERE id = $1`,
      [id],
    );
    const mails = await sink.waitFor((m) => m.messageId === `<notification-${id}@hausakte>`, {
      count: 2,
    });
    expect(mails.map((m) => m.messageId)).toEqual([
      `<notification-${id}@hausakte>`,
      `<notification-${id}@hausakte>`,
    ]);
    await waitFor(async () => ((await emailState(id)).email_status === 'sent' ? true : undefined));
  });

  it('keeps trying while the mail server is down and delivers once it is back, with the same Message-ID', async () => {
    const manager = await api.signIn('manager');
    await sink.stop();
    let id: string;
    try {
      ({ id } = await notify(message(manager, { subject: 'Wochenübersicht: 3 Fristen' })));
      const failed = await waitFor(async () => {
        const state = await emailState(id);
        return state.email_attempts >= 1 ? state : undefined;
      });
      expect(failed).toMatchObject({ email_status: 'pending', email_sent_at: null });
      expect(failed.email_last_error).toMatch(/^E[A-Z]+: /);
      expect(failed.email_last_error).not.toContain(manager.email);
      expect(mailsWith(id)).toEqual([]);
    } finally {
      await sink.start();
    }

    const [mail] = await sink.waitFor((m) => m.messageId === `<notification-${id}@hausakte>`);
    expect(mail.subject).toBe('Wochenübersicht: 3 Fristen');
    expect(mail.to).toEqual([manager.email]);
    const sent = await waitFor(async () => {
      const state = await emailState(id);
      return state.email_status === 'sent' ? state : undefined;
    });
    expect(sent.email_attempts).toBeGreaterThanOrEqual(2);
    expect(sent.email_last_error).toBeNull();
    await sleep(500);
    expect(mailsWith(id)).toHaveLength(1);
  });

  it('sends no e-mail to a deactivated user; the inbox keeps the notification', async () => {
    const inspector = await api.signIn('inspector');
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [inspector.id]);
    const { id } = await notify(message(inspector));
    await waitFor(async () => ((await emailState(id)).email_status === 'none' ? true : undefined));
    expect(mailsWith(id)).toEqual([]);
    expect(sink.messages.filter((m) => m.to.includes(inspector.email))).toEqual([]);
  });

  it('lists only the signed-in user’s own notifications, newest first, and pages them', async () => {
    const inspector = await api.signIn('inspector');
    const officer = await api.signIn('officer');
    const older = await notify(message(inspector, { subject: 'Erste' }));
    const newer = await notify(message(inspector, { subject: 'Zweite', link: null, entity: null }));
    const others = await notify(message(officer, { subject: 'Nicht für die Inspektorin' }));

    const mine = await inbox(inspector.token);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(mine.body).toMatchObject({ total: 2, unread: 2 });
    expect(mine.body.items[0]).toMatchObject({ link: null, entityType: null, entityId: null });
    expect(mine.body.items.map((item) => item.id)).not.toContain(others.id);

    const page = await inbox(inspector.token, '?limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 2, unread: 2 });
    expect(page.body.items.map((item) => item.id)).toEqual([older.id]);

    for (const query of ['?limit=0', '?offset=-1', '?unread=vielleicht', '?limit=501', '?x=1']) {
      const invalid = await inbox(inspector.token, query);
      expect([query, invalid.status]).toEqual([query, 422]);
    }
    expect((await api.request('GET', '/api/v1/notifications')).status).toBe(401);
  });

  it('marks read idempotently, refuses someone else’s, and marks all read', async () => {
    const inspector = await api.signIn('inspector');
    const officer = await api.signIn('officer');
    const first = await notify(message(inspector));
    const second = await notify(message(inspector));
    const third = await notify(message(inspector));

    const read = await api.request<Item>('POST', `/api/v1/notifications/${first.id}/read`, {
      token: inspector.token,
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: first.id, readAt: expect.any(String) });
    const again = await api.request<Item>('POST', `/api/v1/notifications/${first.id}/read`, {
      token: inspector.token,
    });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    const unread = await inbox(inspector.token, '?unread=true');
    expect(unread.body.items.map((item) => item.id)).toEqual([third.id, second.id]);
    expect(unread.body).toMatchObject({ total: 2, unread: 2 });
    expect((await inbox(inspector.token, '?unread=false')).body).toMatchObject({
      total: 3,
      unread: 2,
    });

    // Someone else's notification, or none at all, is not found; a malformed id is 422.
    const foreign = await api.request('POST', `/api/v1/notifications/${second.id}/read`, {
      token: officer.token,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toMatch(/problem\+json/);
    expect(
      (
        await api.request('POST', `/api/v1/notifications/${randomUUID()}/read`, {
          token: officer.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await api.request('POST', '/api/v1/notifications/abc/read', { token: officer.token }))
        .status,
    ).toBe(422);
    expect((await inbox(inspector.token)).body.unread).toBe(2);

    const all = await api.request('POST', '/api/v1/notifications/read-all', {
      token: inspector.token,
    });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: 2 });
    const after = await inbox(inspector.token);
    expect(after.body).toMatchObject({ total: 3, unread: 0 });
    expect(after.body.items.find((item) => item.id === first.id)?.readAt).toBe(read.body.readAt);
    expect(
      (await api.request('POST', '/api/v1/notifications/read-all', { token: inspector.token }))
        .body,
    ).toEqual({ marked: 0 });
  });

  it.each(['manager', 'admin'] as const)('gives the %s an inbox of their own', async (role) => {
    const user = await api.signIn(role);
    const { id } = await notify(message(user, { kind: 'weekly-digest', entity: null }));
    const listed = await inbox(user.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.id)).toEqual([id]);
    const read = await api.request('POST', `/api/v1/notifications/${id}/read`, {
      token: user.token,
    });
    expect(read.status).toBe(200);
    expect((await inbox(user.token)).body.unread).toBe(0);
  });

  it('removes read notifications past their retention in the nightly housekeeping, never unread ones', async () => {
    const officer = await api.signIn('officer');
    const oldRead = await notify(message(officer));
    const oldUnread = await notify(message(officer));
    const recentRead = await notify(message(officer));
    await waitFor(async () => {
      const rows: Array<{ pending: number }> = await db.query(
        `SELECT count(*)::int AS pending FROM notifications
         WHERE id = ANY($1) AND email_status = 'pending'`,
        [[oldRead.id, oldUnread.id, recentRead.id]],
      );
      return rows[0].pending === 0 ? true : undefined;
    });
    await db.query(
      `UPDATE notifications SET created_at = now() - interval '400 days' WHERE id = ANY($1)`,
      [[oldRead.id, oldUnread.id]],
    );
    for (const { id } of [oldRead, recentRead]) {
      const read = await api.request('POST', `/api/v1/notifications/${id}/read`, {
        token: officer.token,
      });
      expect(read.status).toBe(200);
    }

    await worker.get(RequestContext).run(null, () => worker.get(SystemJobs).houseKeep());

    const listed = await inbox(officer.token);
    expect(listed.body.items.map((item) => item.id).sort()).toEqual(
      [oldUnread.id, recentRead.id].sort(),
    );
  });
});
