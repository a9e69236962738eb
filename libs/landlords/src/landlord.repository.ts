import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { Landlord, LandlordKind } from './landlord.entity';

export interface LandlordListFilter {
  /** Part of the name, matched by substring or trigram word similarity. */
  q?: string;
  kind?: LandlordKind;
  limit: number;
  offset: number;
}

export interface LandlordSummaryRow {
  id: string;
  kind: LandlordKind;
  name: string;
  registerNumber: string | null;
  city: string | null;
}

export type NewLandlord = Omit<Landlord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** `%` and `_` in a search are letters, not LIKE wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

@Injectable()
export class LandlordRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  private get landlords() {
    return this.manager.getRepository(Landlord);
  }

  findById(id: string): Promise<Landlord | null> {
    return this.landlords.findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction, so a version check and its write cannot interleave. */
  findByIdForUpdate(id: string): Promise<Landlord | null> {
    return this.landlords.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  exists(id: string): Promise<boolean> {
    return this.landlords.existsBy({ id });
  }

  insert(landlord: NewLandlord): Promise<Landlord> {
    return this.landlords.save(this.landlords.create(landlord));
  }

  save(landlord: Landlord): Promise<Landlord> {
    return this.landlords.save(landlord);
  }

  async list(filter: LandlordListFilter): Promise<{ rows: LandlordSummaryRow[]; total: number }> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const order: string[] = [];
    if (filter.kind) where.push(`l.kind = ${param(filter.kind)}`);
    if (filter.q) {
      const q = param(filter.q);
      // A substring finds "Emscher" in "Wohnbau Emscher GmbH"; <% forgives a typo ("Emschre").
      // Both use the trigram index.
      where.push(`(l.name ILIKE ${param(`%${escapeLike(filter.q)}%`)} OR ${q} <% l.name)`);
      order.push(`word_similarity(${q}, l.name) DESC`);
    }
    order.push('l.name', 'l.id');
    const filtered = `FROM landlords l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;

    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total ${filtered}`,
      params,
    );
    const rows: LandlordSummaryRow[] = await this.manager.query(
      `SELECT l.id, l.kind, l.name, l.register_number AS "registerNumber", l.postal_city AS city
       ${filtered}
       ORDER BY ${order.join(', ')}
       LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return { rows, total };
  }
}
