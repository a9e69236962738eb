import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { CatalogueItem } from './catalogue-item.entity';

export type NewCatalogueVersion = Omit<CatalogueItem, 'id' | 'createdAt'>;

@Injectable()
export class CatalogueRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get repo() {
    return (this.txHost as Tx).tx.getRepository(CatalogueItem);
  }

  /** The newest version of every code, by legal ground and code (the catalogue has dozens, not thousands). */
  async current(filter: {
    legalGround?: string;
    includeRetired: boolean;
  }): Promise<CatalogueItem[]> {
    const query = this.repo
      .createQueryBuilder('item')
      .distinctOn(['item.code'])
      .orderBy('item.code')
      .addOrderBy('item.version', 'DESC');
    const rows = await query.getMany();
    return rows
      .filter((row) => filter.includeRetired || !row.retired)
      .filter((row) => !filter.legalGround || row.legalGround === filter.legalGround)
      .sort((a, b) => a.legalGround.localeCompare(b.legalGround) || a.code.localeCompare(b.code));
  }

  findVersion(id: string): Promise<CatalogueItem | null> {
    return this.repo.findOneBy({ id });
  }

  findVersions(ids: string[]): Promise<CatalogueItem[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('item').where('item.id IN (:...ids)', { ids }).getMany();
  }

  /** Of these codes, those whose newest version is retired. */
  async retiredCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: Array<{ code: string }> = await (this.txHost as Tx).tx.query(
      `SELECT code FROM (SELECT DISTINCT ON (code) code, retired FROM catalogue_items
                          WHERE code = ANY($1::text[]) ORDER BY code, version DESC) newest
        WHERE retired`,
      [codes],
    );
    return new Set(rows.map((row) => row.code));
  }

  /** The current version of a code, locked so that two edits cannot both become version n + 1. */
  async currentForUpdate(code: string): Promise<CatalogueItem | null> {
    return this.repo
      .createQueryBuilder('item')
      .setLock('pessimistic_write')
      .where('item.code = :code', { code })
      .orderBy('item.version', 'DESC')
      .limit(1)
      .getOne();
  }

  /** Whether this version is still the newest of its code. */
  async isCurrent(item: CatalogueItem): Promise<boolean> {
    const newer = await this.repo
      .createQueryBuilder('item')
      .where('item.code = :code AND item.version > :version', {
        code: item.code,
        version: item.version,
      })
      .getExists();
    return !newer;
  }

  insert(version: NewCatalogueVersion): Promise<CatalogueItem> {
    return this.repo.save(this.repo.create(version));
  }
}
