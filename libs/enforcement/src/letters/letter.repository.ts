import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { Letter } from './letter.entity';

export type NewLetter = Omit<Letter, 'createdAt'>;

@Injectable()
export class LetterRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get repo() {
    return (this.txHost as Tx).tx.getRepository(Letter);
  }

  isInTransaction(): boolean {
    return (this.txHost as Tx).isTransactionActive();
  }

  /** Inserts, never updates. */
  async insert(letter: NewLetter): Promise<Letter> {
    await this.repo.insert(letter);
    return (await this.findById(letter.id))!;
  }

  findById(id: string): Promise<Letter | null> {
    return this.repo.findOneBy({ id });
  }
}
