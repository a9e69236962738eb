import { Injectable, INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule, UsersService } from '@hausakte/auth';
import { Outbox, OutboxModule } from '@hausakte/jobs';
import { Transactional } from '@hausakte/platform';
import { createTestContext, makeUser } from '@hausakte/testing';

/** A command that spans three libs: auth writes the user and its audit row, jobs the outbox row. */
@Injectable()
class EnrolInspector {
  constructor(
    private readonly users: UsersService,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async run(email: string, failAtTheEnd: boolean): Promise<void> {
    const user = await this.users.create({ ...makeUser({ role: 'inspector' }), email });
    await this.outbox.add({ job: 'outbox-probe', jobId: `welcome-${user.id}` });
    if (failAtTheEnd) throw new Error('the last step of the command failed');
  }
}

describe('one command, one transaction across libs', () => {
  let app: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestContext([AuthModule, OutboxModule], [EnrolInspector]);
    db = app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await app?.close();
  });

  async function rowsFor(email: string) {
    const [users] = await db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      email,
    ]);
    const [audit] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN users u ON a.entity_id = u.id::text WHERE u.email = $1`,
      [email],
    );
    const [auditByEmail] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.created' AND after->>'email' = $1`,
      [email],
    );
    const [outbox] = await db.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN users u ON o.job_id = 'welcome-' || u.id WHERE u.email = $1`,
      [email],
    );
    return {
      users: users.n,
      audit: audit.n + 0 * auditByEmail.n,
      auditByEmail: auditByEmail.n,
      outbox: outbox.n,
    };
  }

  it('commits the domain row, the audit row and the outbox row together', async () => {
    const email = `commit-${Date.now()}@herne.example`;
    await app.get(EnrolInspector).run(email, false);
    await expect(rowsFor(email)).resolves.toEqual({
      users: 1,
      audit: 1,
      auditByEmail: 1,
      outbox: 1,
    });
  });

  it('rolls all three back when the command fails at its last step', async () => {
    const email = `rollback-${Date.now()}@herne.example`;
    await expect(app.get(EnrolInspector).run(email, true)).rejects.toThrow(
      'the last step of the command failed',
    );
    await expect(rowsFor(email)).resolves.toEqual({
      users: 0,
      audit: 0,
      auditByEmail: 0,
      outbox: 0,
    });
    const [outboxTotal] = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_id LIKE 'welcome-%'`,
    );
    expect(outboxTotal.n).toBe(1); // only the committed command's row
  });

  it('refuses to write an audit or outbox row outside a transaction', async () => {
    await expect(
      app.get(Outbox).add({ job: 'outbox-probe', jobId: 'loose-write' }),
    ).rejects.toThrow(/outside a transaction/);
  });
});
