import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, keyed by hashes of the account and the client, so no address is stored. */
@Entity({ name: 'sign_in_failures' })
@Index('sign_in_failures_account_idx', ['accountKey', 'failedAt'])
@Index('sign_in_failures_client_idx', ['clientKey', 'failedAt'])
export class SignInFailure {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'sign_in_failures_pkey',
  })
  id!: string;

  @Column({ name: 'account_key', type: 'text' })
  accountKey!: string;

  @Column({ name: 'client_key', type: 'text' })
  clientKey!: string;

  @CreateDateColumn({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;
}
