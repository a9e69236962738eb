import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { RiskFacts } from './rules';
import { PropertyRisk } from './property-risk.entity';
import { RiskWeightsVersion } from './risk-weights.entity';

/**
 * The facts behind the risk of a batch of properties, counted in one query over the other libs'
 * tables (the map lib may read every lib), each part through its property index. Defects count
 * while not verified; occupancy by each unit's latest count; complaints a person marked as
 * duplicates do not count again; closures while not released.
 */
const FACTS_SQL = `
  WITH ids AS (SELECT unnest($1::uuid[]) AS id),
  defect_counts AS (
    SELECT d.property_id,
           count(*) FILTER (WHERE d.status <> 'verified' AND d.severity = 'C')::int AS open_c,
           count(*) FILTER (WHERE d.status <> 'verified' AND d.severity = 'B')::int AS open_b,
           count(*) FILTER (WHERE d.status <> 'verified' AND d.severity = 'A')::int AS open_a,
           count(*) FILTER (WHERE d.status = 'not_remedied')::int AS not_remedied
      FROM defects d WHERE d.property_id = ANY($1::uuid[]) GROUP BY d.property_id),
  latest_counts AS (
    SELECT DISTINCT ON (o.unit_id) i.property_id, o.outcome
      FROM unit_occupancies o JOIN inspections i ON i.id = o.inspection_id
     WHERE i.property_id = ANY($1::uuid[])
     ORDER BY o.unit_id, i.completed_at DESC),
  overcrowding AS (
    SELECT property_id, count(*)::int AS overcrowded FROM latest_counts
     WHERE outcome = 'overcrowded' GROUP BY property_id),
  complaint_counts AS (
    SELECT c.property_id, count(*)::int AS complaints FROM complaints c
     WHERE c.property_id = ANY($1::uuid[])
       AND c.received_at > $2::timestamptz - interval '12 months'
       AND c.duplicate_decision IS DISTINCT FROM 'duplicate'
     GROUP BY c.property_id),
  visits AS (
    SELECT i.property_id,
           count(*) FILTER (WHERE i.status = 'no_access'
                              AND i.completed_at > $2::timestamptz - interval '12 months')::int
             AS no_access,
           max(i.completed_at) FILTER (WHERE i.status = 'done') AS last_inspected_at
      FROM inspections i WHERE i.property_id = ANY($1::uuid[]) GROUP BY i.property_id),
  closure_counts AS (
    SELECT cl.property_id, count(*)::int AS active_closures FROM closures cl
     WHERE cl.property_id = ANY($1::uuid[]) AND cl.status <> 'released'
     GROUP BY cl.property_id)
  SELECT ids.id,
         COALESCE(d.open_c, 0) AS open_c, COALESCE(d.open_b, 0) AS open_b,
         COALESCE(d.open_a, 0) AS open_a, COALESCE(d.not_remedied, 0) AS not_remedied,
         COALESCE(o.overcrowded, 0) AS overcrowded, COALESCE(c.complaints, 0) AS complaints,
         COALESCE(v.no_access, 0) AS no_access, v.last_inspected_at,
         COALESCE(cc.active_closures, 0) AS active_closures
    FROM ids
    JOIN properties p ON p.id = ids.id
    LEFT JOIN defect_counts d ON d.property_id = ids.id
    LEFT JOIN overcrowding o ON o.property_id = ids.id
    LEFT JOIN complaint_counts c ON c.property_id = ids.id
    LEFT JOIN visits v ON v.property_id = ids.id
    LEFT JOIN closure_counts cc ON cc.property_id = ids.id`;

export interface ScoredProperty {
  propertyId: string;
  score: number;
  facts: RiskFacts;
  factors: readonly unknown[];
}

@Injectable()
export class RiskRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /**
   * Serialises recomputes of the same properties (until the transaction ends), so that one which
   * read older facts cannot store its score after one that read newer facts. In id order: no
   * deadlock between two batches.
   */
  async lockProperties(propertyIds: string[]): Promise<void> {
    await this.manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 7331))
         FROM unnest($1::uuid[]) AS id ORDER BY id`,
      [propertyIds],
    );
  }

  /** Facts per property id; ids of properties that no longer exist are left out. */
  async factsOf(propertyIds: string[], now: Date): Promise<Map<string, RiskFacts>> {
    const rows: Array<{
      id: string;
      open_c: number;
      open_b: number;
      open_a: number;
      not_remedied: number;
      overcrowded: number;
      complaints: number;
      no_access: number;
      last_inspected_at: Date | null;
      active_closures: number;
    }> = await this.manager.query(FACTS_SQL, [propertyIds, now]);
    return new Map(
      rows.map((row): [string, RiskFacts] => [
        row.id,
        {
          openDefects: { A: row.open_a, B: row.open_b, C: row.open_c },
          notRemediedDefects: row.not_remedied,
          overcrowdedUnits: row.overcrowded,
          complaintsLast12Months: row.complaints,
          noAccessLast12Months: row.no_access,
          daysSinceLastInspection: row.last_inspected_at
            ? Math.max(
                0,
                Math.floor((now.getTime() - row.last_inspected_at.getTime()) / 86_400_000),
              )
            : null,
          activeClosures: row.active_closures,
        },
      ]),
    );
  }

  /** Stores the scores of a batch in one statement. */
  async upsertMany(scores: ScoredProperty[], weightsVersion: number, now: Date): Promise<void> {
    if (scores.length === 0) return;
    await this.manager.query(
      `INSERT INTO property_risk (property_id, score, facts, factors, weights_version, computed_at)
       SELECT given.property_id, given.score, given.facts, given.factors, $5, $6
         FROM unnest($1::uuid[], $2::int[], $3::jsonb[], $4::jsonb[])
              AS given (property_id, score, facts, factors)
       ON CONFLICT (property_id) DO UPDATE
         SET score = EXCLUDED.score, facts = EXCLUDED.facts, factors = EXCLUDED.factors,
             weights_version = EXCLUDED.weights_version, computed_at = EXCLUDED.computed_at`,
      [
        scores.map((score) => score.propertyId),
        scores.map((score) => score.score),
        scores.map((score) => JSON.stringify(score.facts)),
        scores.map((score) => JSON.stringify(score.factors)),
        weightsVersion,
        now,
      ],
    );
  }

  find(propertyId: string): Promise<PropertyRisk | null> {
    return this.manager.getRepository(PropertyRisk).findOneBy({ propertyId });
  }

  /** The next page of property ids after `after`, in id order (keyset paging over any number). */
  async propertyIdsAfter(after: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM properties WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map((row) => row.id);
  }

  async currentWeights(): Promise<RiskWeightsVersion | null> {
    return this.manager
      .getRepository(RiskWeightsVersion)
      .createQueryBuilder('weights')
      .orderBy('weights.version', 'DESC')
      .limit(1)
      .getOne();
  }

  weightsOfVersion(version: number): Promise<RiskWeightsVersion | null> {
    return this.manager.getRepository(RiskWeightsVersion).findOneBy({ version });
  }

  /** Takes the weights table's lock so two admins cannot both write version n + 1. */
  async lockWeights(): Promise<void> {
    await this.manager.query(`LOCK TABLE risk_weights IN SHARE ROW EXCLUSIVE MODE`);
  }

  async insertWeights(row: Omit<RiskWeightsVersion, 'createdAt'>): Promise<RiskWeightsVersion> {
    const repo = this.manager.getRepository(RiskWeightsVersion);
    return repo.save(repo.create(row));
  }
}
