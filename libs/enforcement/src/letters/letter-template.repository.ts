import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { LetterTemplateKey } from './letter-template-content';
import { LetterTemplate } from './letter-template.entity';

export type NewLetterTemplateVersion = Omit<LetterTemplate, 'id' | 'createdAt'>;

@Injectable()
export class LetterTemplateRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get repo() {
    return (this.txHost as Tx).tx.getRepository(LetterTemplate);
  }

  /** The newest version of every key (a handful of rows). */
  current(): Promise<LetterTemplate[]> {
    return this.repo
      .createQueryBuilder('template')
      .distinctOn(['template.key'])
      .orderBy('template.key')
      .addOrderBy('template.version', 'DESC')
      .getMany();
  }

  /** The newest version of a key; `lock`: so that two edits cannot both become version n + 1. */
  currentOf(key: LetterTemplateKey, options: { lock: boolean }): Promise<LetterTemplate | null> {
    const query = this.repo
      .createQueryBuilder('template')
      .where('template.key = :key', { key })
      .orderBy('template.version', 'DESC')
      .limit(1);
    if (options.lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  findVersion(id: string): Promise<LetterTemplate | null> {
    return this.repo.findOneBy({ id });
  }

  insert(version: NewLetterTemplateVersion): Promise<LetterTemplate> {
    return this.repo.save(this.repo.create(version));
  }
}
