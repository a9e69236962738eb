import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { LandlordKind } from './landlord.entity';
import {
  COMMON_KEY_LIMIT,
  LinkKind,
  LinkSource,
  MANAGER_ADDRESS_THRESHOLD,
  NETWORK_LINK_KINDS,
} from './network-rules';

/** Which landlords to relink: all of them, or these and whoever shares a key with them. */
export type RelinkScope = 'all' | { landlordIds: string[] };

export interface NetworkLinkRow {
  landlordAId: string;
  landlordBId: string;
  kind: LinkKind;
  source: LinkSource;
  detail: string;
  reason: string;
}

export interface NetworkLandlordRow {
  id: string;
  kind: LandlordKind;
  name: string;
}

export interface ManagementRow extends NetworkLinkRow {
  /** The other landlord: the manager in `managedBy`, the client in `manages`. */
  other: NetworkLandlordRow;
}

export interface SplitRow {
  otherLandlordId: string;
  otherName: string;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
}

/** One writer of derived network data at a time: a relink and a rebuild must not interleave. */
const NETWORK_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('landlord-networks', 0))`;

// The reasons in words: the SQL twin of linkReason() in network-rules.ts.
const REASON = {
  address: `'gleiche Postanschrift: '`,
  register: `'gleiche Registernummer: '`,
  director: `'gleicher Geschäftsführer: '`,
  managedByAddress: `'Postanschrift bei der Hausverwaltung: '`,
};

/** "manages or managed a property while another landlord owned it" (isPropertyManager). */
const MANAGES_FOR_OWNERS = `
  SELECT m.landlord_id AS manager_id, o.landlord_id AS owner_id,
         count(DISTINCT m.property_id)::int AS properties
    FROM ownerships m
    JOIN ownerships o ON o.property_id = m.property_id
                     AND o.role IN ('owner', 'joint_owner')
                     AND o.landlord_id <> m.landlord_id
                     AND daterange(o.valid_from, o.valid_to, '[]') && daterange(m.valid_from, m.valid_to, '[]')
   WHERE m.role = 'manager'`;

/**
 * The pair as stored (`landlord_a_id < landlord_b_id`): lower case first, so that the string order
 * is PostgreSQL's uuid order (an upper-case id from a URL would otherwise sort differently).
 */
function orderedPair(a: string, b: string): [string, string] {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? [x, y] : [y, x];
}

/**
 * Network keys, links, splits and members (migration 1764500000001). Every derivation is
 * set-based SQL over temporary tables, the same statements for one landlord as for all of them.
 */
@Injectable()
export class LandlordNetworkRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  private query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return this.manager.query(sql, params);
  }

  /** Landlords exist but no key was ever derived: a database from before networks. */
  async isUnbuilt(): Promise<boolean> {
    const [row] = await this.query<Array<{ unbuilt: boolean }>>(
      `SELECT NOT EXISTS (SELECT 1 FROM landlord_network_keys) AND EXISTS (SELECT 1 FROM landlords)
                AS unbuilt`,
    );
    return row.unbuilt;
  }

  /** Holds the network lock until the transaction ends. */
  async lock(): Promise<void> {
    await this.query(NETWORK_LOCK);
  }

  /**
   * Derives keys, links and members again for the scope: every landlord, or the given ones with
   * every landlord that shares (or shared) a key with them. Call inside a transaction.
   */
  async relink(scope: RelinkScope): Promise<void> {
    await this.lock();
    const all = scope === 'all';
    const ids = all ? [] : scope.landlordIds;
    if (!all && ids.length === 0) return;

    // 1. The groups to derive again: the landlords' keys before and after this change.
    if (all) {
      await this.rewriteAllKeys();
    } else {
      await this.temp(
        'nw_scope',
        `(kind text NOT NULL, key text NOT NULL, PRIMARY KEY (kind, key))`,
      );
      await this.query(
        `INSERT INTO nw_scope SELECT kind, key FROM landlord_network_keys WHERE landlord_id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`,
        [ids],
      );
      await this.query(`DELETE FROM landlord_network_keys WHERE landlord_id = ANY($1::uuid[])`, [
        ids,
      ]);
      await this.writeKeys(ids);
      await this.query(
        `INSERT INTO nw_scope SELECT kind, key FROM landlord_network_keys WHERE landlord_id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`,
        [ids],
      );
      await this.query(`ANALYZE nw_scope`);
    }

    // 2. The members of those groups, with the manager rule for those at an address.
    await this.temp(
      'nw_keyed',
      `AS SELECT k.kind, k.key, k.landlord_id, k.label, l.kind AS landlord_kind, false AS is_manager
           FROM landlord_network_keys k ${all ? '' : 'JOIN nw_scope s USING (kind, key)'}
           JOIN landlords l ON l.id = k.landlord_id`,
    );
    await this.query(`CREATE INDEX ON nw_keyed (kind, key)`);
    await this.query(`ANALYZE nw_keyed`);
    await this.temp(
      'nw_groups',
      `AS SELECT kind, key, count(*)::int AS size FROM nw_keyed GROUP BY kind, key`,
    );
    await this.query(`ALTER TABLE nw_groups ADD PRIMARY KEY (kind, key)`);
    await this.query(`ANALYZE nw_groups`);
    await this.temp(
      'nw_managers',
      `AS SELECT DISTINCT manager_id AS landlord_id FROM (${MANAGES_FOR_OWNERS}
            AND m.landlord_id IN (SELECT landlord_id FROM nw_keyed WHERE kind = 'address')
          GROUP BY 1, 2) managed`,
    );
    await this.query(`ANALYZE nw_managers`);
    await this.query(
      `UPDATE nw_keyed x SET is_manager = true
         FROM nw_groups g
        WHERE x.kind = 'address' AND g.kind = x.kind AND g.key = x.key
          AND ((x.landlord_kind = 'company' AND g.size > $1)
               OR x.landlord_id IN (SELECT landlord_id FROM nw_managers))`,
      [MANAGER_ADDRESS_THRESHOLD],
    );
    await this.query(`ALTER TABLE nw_groups ADD COLUMN has_manager boolean NOT NULL DEFAULT false`);
    await this.query(
      `UPDATE nw_groups g SET has_manager = true
        WHERE EXISTS (SELECT 1 FROM nw_keyed x WHERE x.kind = g.kind AND x.key = g.key AND x.is_manager)`,
    );
    await this.query(`ANALYZE nw_keyed`);

    // 3. The links of those groups (network links never for a split pair), and the managed-by
    //    links through the ownerships of the landlords in scope.
    await this.query(
      all
        ? `DELETE FROM landlord_links WHERE source <> 'ownership'`
        : `DELETE FROM landlord_links l USING nw_scope s WHERE l.source = s.kind AND l.key = s.key`,
    );
    await this.query(
      `INSERT INTO landlord_links (landlord_a_id, landlord_b_id, kind, source, key, detail, reason)
       SELECT p.a, p.b, p.kind, p.source, p.key, p.detail, p.reason FROM (
         -- landlords sharing an address without a manager, or two managers sharing one
         SELECT x.landlord_id AS a, y.landlord_id AS b, 'address' AS kind, 'address' AS source,
                x.key, x.label AS detail, ${REASON.address} || x.label AS reason
           FROM nw_keyed x
           JOIN nw_groups g ON g.kind = x.kind AND g.key = x.key
           JOIN nw_keyed y ON y.kind = x.kind AND y.key = x.key AND y.landlord_id > x.landlord_id
          WHERE x.kind = 'address'
            AND ((NOT g.has_manager AND g.size <= $1) OR (x.is_manager AND y.is_manager))
         UNION ALL
         -- a client at its manager's address: managed by it
         SELECT y.landlord_id, x.landlord_id, 'managed_by', 'address', x.key, x.label,
                ${REASON.managedByAddress} || x.label
           FROM nw_keyed x
           JOIN nw_keyed y ON y.kind = x.kind AND y.key = x.key AND NOT y.is_manager
          WHERE x.kind = 'address' AND x.is_manager
         UNION ALL
         SELECT x.landlord_id, y.landlord_id, x.kind, x.kind, x.key, x.label,
                CASE x.kind WHEN 'register' THEN ${REASON.register} ELSE ${REASON.director} END || x.label
           FROM nw_keyed x
           JOIN nw_groups g ON g.kind = x.kind AND g.key = x.key
           JOIN nw_keyed y ON y.kind = x.kind AND y.key = x.key AND y.landlord_id > x.landlord_id
          WHERE x.kind IN ('register', 'director') AND g.size <= $2
       ) p
       WHERE p.kind = 'managed_by'
          OR NOT EXISTS (SELECT 1 FROM landlord_network_splits s
                          WHERE s.landlord_a_id = p.a AND s.landlord_b_id = p.b)`,
      [MANAGER_ADDRESS_THRESHOLD, COMMON_KEY_LIMIT],
    );
    const mine = all
      ? ''
      : `AND (m.landlord_id = ANY($1::uuid[]) OR o.landlord_id = ANY($1::uuid[]))`;
    await this.query(
      `DELETE FROM landlord_links WHERE source = 'ownership'
        ${all ? '' : 'AND (landlord_a_id = ANY($1::uuid[]) OR landlord_b_id = ANY($1::uuid[]))'}`,
      all ? [] : [ids],
    );
    await this.query(
      `INSERT INTO landlord_links (landlord_a_id, landlord_b_id, kind, source, key, detail, reason)
       SELECT owner_id, manager_id, 'managed_by', 'ownership', '', properties::text,
              'Hausverwaltung für ' || properties || ' Objekt(e) des Eigentümers'
         FROM (${MANAGES_FOR_OWNERS} ${mine} GROUP BY 1, 2) managed`,
      all ? [] : [ids],
    );

    // 4. The networks of everyone whose links may have changed.
    if (all) {
      await this.rebuildMembers(null);
    } else {
      await this.rebuildMembers(
        `SELECT landlord_id FROM nw_keyed UNION SELECT unnest($1::uuid[])`,
        [ids],
      );
    }
  }

  /**
   * Every landlord's keys, written as a bulk load: the primary key and the index are dropped and
   * built again afterwards (a sort instead of an index insert per row). Names as in migration
   * 1764500000001. The foreign key stays: dropping it would take an ACCESS EXCLUSIVE lock on
   * `landlords` until commit, stalling every reader of landlords for the whole rebuild (and
   * deadlocking with a landlord edit that waits for the network lock). Other writers of the keys
   * wait for the network lock anyway.
   */
  private async rewriteAllKeys(): Promise<void> {
    await this.query(
      `ALTER TABLE landlord_network_keys DROP CONSTRAINT landlord_network_keys_pkey`,
    );
    await this.query(`DROP INDEX landlord_network_keys_kind_key_idx`);
    await this.query(`DELETE FROM landlord_network_keys`);
    await this.writeKeys(null);
    await this.query(
      `ALTER TABLE landlord_network_keys ADD CONSTRAINT landlord_network_keys_pkey
         PRIMARY KEY (landlord_id, kind, key)`,
    );
    await this.query(
      `CREATE INDEX landlord_network_keys_kind_key_idx ON landlord_network_keys (kind, key)`,
    );
    await this.query(`ANALYZE landlord_network_keys`);
  }

  /** Every landlord's keys (`ids` null) or these landlords'; the label is the text a reason shows. */
  private async writeKeys(ids: string[] | null): Promise<void> {
    const only = ids ? 'AND l.id = ANY($1::uuid[])' : '';
    await this.query(
      `INSERT INTO landlord_network_keys (landlord_id, kind, key, label)
       SELECT id, 'address', key,
              btrim(postal_street || ' ' || postal_house_number || ', ' || postal_postcode
                    || coalesce(' ' || nullif(postal_city, ''), ''))
         FROM (SELECT l.*, landlord_address_key(l.postal_street, l.postal_house_number, l.postal_postcode) AS key
                 FROM landlords l WHERE l.postal_street IS NOT NULL ${only}) a
        WHERE key IS NOT NULL
       UNION ALL
       SELECT id, 'register', key, btrim(register_number)
         FROM (SELECT l.*, landlord_register_key(l.register_number) AS key
                 FROM landlords l WHERE l.register_number IS NOT NULL ${only}) r
        WHERE key IS NOT NULL
       UNION ALL
       SELECT id, 'director', key, btrim(name)
         FROM (SELECT DISTINCT ON (l.id, k.key) l.id, d.name, k.key
                 FROM landlords l
                 CROSS JOIN LATERAL unnest(l.directors) WITH ORDINALITY AS d(name, n)
                 CROSS JOIN LATERAL (SELECT landlord_person_key(d.name) AS key) k
                WHERE cardinality(l.directors) > 0 AND k.key IS NOT NULL ${only}
                ORDER BY l.id, k.key, d.n) d`,
      ids ? [ids] : [],
    );
  }

  /**
   * Derives the networks again: of everyone (`seeds` null), or of the seeds' landlords and the
   * members of their networks so far. No link leaves that set (a changed link joins landlords of
   * the same key group, all of them seeds), so its components are complete. Label propagation
   * over integer ids with pointer jumping: a few set-based passes, as many as the longest path.
   */
  private async rebuildMembers(seeds: string | null, params: unknown[] = []): Promise<void> {
    await this.temp('nw_nodes', `(id uuid PRIMARY KEY)`);
    if (seeds === null) {
      await this.query(`DELETE FROM landlord_network_members`);
      await this.query(
        `INSERT INTO nw_nodes SELECT landlord_a_id FROM landlord_links WHERE kind <> 'managed_by'
         UNION SELECT landlord_b_id FROM landlord_links WHERE kind <> 'managed_by'`,
      );
    } else {
      await this.query(
        `INSERT INTO nw_nodes
         SELECT id FROM (${seeds}) AS s(id)
         UNION SELECT m2.landlord_id FROM landlord_network_members m1
                 JOIN landlord_network_members m2 USING (network_id)
                WHERE m1.landlord_id IN (${seeds})`,
        params,
      );
      await this.query(
        `DELETE FROM landlord_network_members m USING nw_nodes n WHERE m.landlord_id = n.id`,
      );
    }
    await this.temp(
      'nw_cc',
      `AS SELECT id, n, n AS label
           FROM (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM nw_nodes) numbered`,
    );
    await this.query(`ALTER TABLE nw_cc ADD PRIMARY KEY (n)`);
    await this.query(`CREATE UNIQUE INDEX ON nw_cc (id)`);
    await this.temp(
      'nw_edges',
      `AS SELECT ca.n AS a, cb.n AS b
           FROM landlord_links l
           JOIN nw_cc ca ON ca.id = l.landlord_a_id
           JOIN nw_cc cb ON cb.id = l.landlord_b_id
          WHERE l.kind <> 'managed_by'`,
    );
    await this.query(`INSERT INTO nw_edges SELECT b, a FROM nw_edges`);
    await this.query(`CREATE INDEX ON nw_edges (a)`);
    await this.query(`ANALYZE nw_cc`);
    await this.query(`ANALYZE nw_edges`);
    for (;;) {
      const [, spread] = await this.query<[unknown, number]>(
        `UPDATE nw_cc c SET label = m.label
           FROM (SELECT e.a AS n, min(s.label) AS label
                   FROM nw_edges e JOIN nw_cc s ON s.n = e.b GROUP BY e.a) m
          WHERE c.n = m.n AND m.label < c.label`,
      );
      const [, jumped] = await this.query<[unknown, number]>(
        `UPDATE nw_cc c SET label = p.label FROM nw_cc p WHERE p.n = c.label AND p.label < c.label`,
      );
      if (spread === 0 && jumped === 0) break;
    }
    await this.query(
      `INSERT INTO landlord_network_members (landlord_id, network_id)
       SELECT c.id, root.id
         FROM nw_cc c JOIN nw_cc root ON root.n = c.label
        WHERE c.label IN (SELECT label FROM nw_cc GROUP BY label HAVING count(*) > 1)`,
    );
  }

  /** A temporary table for this transaction, empty (or as the query fills it). */
  private async temp(name: string, definition: string): Promise<void> {
    await this.query(`DROP TABLE IF EXISTS ${name}`);
    await this.query(
      definition.startsWith('(')
        ? `CREATE TEMP TABLE ${name} ${definition} ON COMMIT DROP`
        : `CREATE TEMP TABLE ${name} ON COMMIT DROP ${definition}`,
    );
  }

  /** The landlords of the property's ownerships, any role, any period. */
  async landlordsOfProperty(propertyId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.query(
      `SELECT DISTINCT landlord_id AS id FROM ownerships WHERE property_id = $1`,
      [propertyId],
    );
    return rows.map((row) => row.id);
  }

  /** The landlord itself and the other members of its network; empty for an unknown landlord. */
  async networkMemberIds(landlordId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.query(
      `SELECT id FROM landlords WHERE id = $1
       UNION
       SELECT m2.landlord_id FROM landlord_network_members m1
         JOIN landlord_network_members m2 USING (network_id)
        WHERE m1.landlord_id = $1`,
      [landlordId],
    );
    return rows.map((row) => row.id);
  }

  async networkIdOf(landlordId: string): Promise<string | null> {
    const rows: Array<{ network_id: string }> = await this.query(
      `SELECT network_id FROM landlord_network_members WHERE landlord_id = $1`,
      [landlordId],
    );
    return rows[0]?.network_id ?? null;
  }

  async landlordsByIds(ids: string[]): Promise<NetworkLandlordRow[]> {
    return this.query(
      `SELECT id, kind, name FROM landlords WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
      [ids],
    );
  }

  /** The network links among these landlords (both ends in the set). */
  async linksAmong(ids: string[]): Promise<NetworkLinkRow[]> {
    return this.query(
      `SELECT landlord_a_id AS "landlordAId", landlord_b_id AS "landlordBId", kind, source, detail, reason
         FROM landlord_links
        WHERE kind = ANY($2::text[]) AND landlord_a_id = ANY($1::uuid[]) AND landlord_b_id = ANY($1::uuid[])
        ORDER BY landlord_a_id, landlord_b_id, kind, key`,
      [ids, NETWORK_LINK_KINDS],
    );
  }

  /** Who manages the landlord (`as` client) or whom it manages (`as` manager), at most `limit`. */
  async managements(
    landlordId: string,
    as: 'client' | 'manager',
    limit: number,
  ): Promise<{ rows: ManagementRow[]; total: number }> {
    const [self, other] = as === 'client' ? ['a', 'b'] : ['b', 'a'];
    const [{ total }]: Array<{ total: number }> = await this.query(
      `SELECT count(DISTINCT landlord_${other}_id)::int AS total FROM landlord_links
        WHERE kind = 'managed_by' AND landlord_${self}_id = $1`,
      [landlordId],
    );
    const rows: Array<NetworkLinkRow & { otherKind: LandlordKind; otherName: string }> =
      await this.query(
        `SELECT k.landlord_a_id AS "landlordAId", k.landlord_b_id AS "landlordBId", k.kind, k.source,
                k.detail, k.reason, o.kind AS "otherKind", o.name AS "otherName"
           FROM landlord_links k JOIN landlords o ON o.id = k.landlord_${other}_id
          WHERE k.kind = 'managed_by' AND k.landlord_${self}_id = $1
          ORDER BY o.name, o.id, k.source, k.key
          LIMIT $2`,
        [landlordId, limit],
      );
    return {
      total,
      rows: rows.map(({ otherKind, otherName, ...link }) => ({
        ...link,
        other: {
          id: as === 'client' ? link.landlordBId : link.landlordAId,
          kind: otherKind,
          name: otherName,
        },
      })),
    };
  }

  async splitsOf(landlordId: string): Promise<SplitRow[]> {
    return this.query(
      `SELECT o.id AS "otherLandlordId", o.name AS "otherName", s.reason,
              s.created_by AS "createdBy", s.created_at AS "createdAt"
         FROM landlord_network_splits s
         JOIN landlords o ON o.id = CASE WHEN s.landlord_a_id = $1 THEN s.landlord_b_id ELSE s.landlord_a_id END
        WHERE s.landlord_a_id = $1 OR s.landlord_b_id = $1
        ORDER BY s.created_at, o.id`,
      [landlordId],
    );
  }

  async findSplit(a: string, b: string): Promise<SplitRow | null> {
    const rows = (await this.splitsOf(a)).filter((row) => row.otherLandlordId === b);
    return rows[0] ?? null;
  }

  /** Records the split and removes the pair's network links; false if the pair was split already. */
  async insertSplit(
    a: string,
    b: string,
    reason: string,
    createdBy: string | null,
  ): Promise<boolean> {
    const [low, high] = orderedPair(a, b);
    const inserted: unknown[] = await this.query(
      `INSERT INTO landlord_network_splits (landlord_a_id, landlord_b_id, reason, created_by)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [low, high, reason, createdBy],
    );
    if (inserted.length === 0) return false;
    await this.query(
      `DELETE FROM landlord_links WHERE landlord_a_id = $1 AND landlord_b_id = $2 AND kind <> 'managed_by'`,
      [low, high],
    );
    return true;
  }

  async deleteSplit(a: string, b: string): Promise<boolean> {
    const [low, high] = orderedPair(a, b);
    const [, deleted] = await this.query<[unknown, number]>(
      `DELETE FROM landlord_network_splits WHERE landlord_a_id = $1 AND landlord_b_id = $2`,
      [low, high],
    );
    return deleted > 0;
  }

  /** Derives the networks of these landlords again (after their links changed). */
  async rebuildNetworksOf(ids: string[]): Promise<void> {
    await this.lock();
    await this.rebuildMembers(`SELECT unnest($1::uuid[])`, [ids]);
  }
}
