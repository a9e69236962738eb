import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/**
 * The transaction context shared by the repositories of every lib (ADR 0003): a command's
 * service method is `@Transactional()`, and each repository reaches the one open
 * EntityManager through `TransactionHost.tx`, carried by AsyncLocalStorage.
 */
export type Tx = TransactionHost<TransactionalAdapterTypeOrm>;
export { Transactional, TransactionHost } from '@nestjs-cls/transactional';
