import { loggableError } from './problem.filter';

describe('loggableError', () => {
  it('keeps what identifies a database error and drops its parameters and detail', () => {
    const failed = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        name: 'QueryFailedError',
        query: 'INSERT INTO "users"(...) VALUES ($1, $2, $3)',
        parameters: ['anna@herne.example', 'Anna', '$argon2id$secret'],
        driverError: {
          code: '23505',
          constraint: 'users_email_key',
          table: 'users',
          detail: 'Key (email)=(anna@herne.example) already exists.',
        },
      },
    );
    const logged = loggableError(failed);
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
    });
    expect(JSON.stringify(logged)).not.toMatch(/anna@herne|argon2|Key \(email\)/);
  });
});
