import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { Severity } from '@hausakte/inspections/rules';
import { CatalogueItem } from './catalogue-item.entity';

/** A catalogue version as a finding is checked against it. */
export interface FindingCatalogueVersion {
  id: string;
  code: string;
  severity: Severity;
  /** The code's newest version is retired: no new findings against any of its versions. */
  codeRetired: boolean;
}

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

  /** These versions with what a finding needs, and whether their code is retired now. */
  async versionsForFindings(ids: string[]): Promise<FindingCatalogueVersion[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; code: string; severity: Severity; code_retired: boolean }> =
      await (this.txHost as Tx).tx.query(
        `SELECT c.id, c.code, c.severity, newest.retired AS code_retired
           FROM catalogue_items c
           CROSS JOIN LATERAL (SELECT n.retired FROM catalogue_items n WHERE n.code = c.code
                                ORDER BY n.version DESC LIMIT 1) newest
          WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      severity: row.severity,
      codeRetired: row.code_retired,
    }));
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
