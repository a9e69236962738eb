import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { RiskFacts } from './rules';
import { PropertyRisk } from './property-risk.entity';
import { RiskWeightsVersion } from './risk-weights.entity';

/**
 * The facts behind a property's risk, counted in one query over the other libs' tables (the map
 * lib may read every lib). Defects count while not verified; occupancy by each unit's latest count;
 * complaints a person marked as duplicates do not count again.
 */
const FACTS_SQL = `
  SELECT
    (SELECT count(*) FROM defects d WHERE d.property_id = $1 AND d.status <> 'verified' AND d.severity = 'C')::int AS open_c,
    (SELECT count(*) FROM defects d WHERE d.property_id = $1 AND d.status <> 'verified' AND d.severity = 'B')::int AS open_b,
    (SELECT count(*) FROM defects d WHERE d.property_id = $1 AND d.status <> 'verified' AND d.severity = 'A')::int AS open_a,
    (SELECT count(*) FROM defects d WHERE d.property_id = $1 AND d.status = 'not_remedied')::int AS not_remedied,
    (SELECT count(*) FROM (
       SELECT DISTINCT ON (o.unit_id) o.outcome
         FROM unit_occupancies o JOIN inspections i ON i.id = o.inspection_id
        WHERE i.property_id = $1
        ORDER BY o.unit_id, i.completed_at DESC) latest
      WHERE latest.outcome = 'overcrowded')::int AS overcrowded,
    (SELECT count(*) FROM complaints c
      WHERE c.property_id = $1 AND c.received_at > $2::timestamptz - interval '12 months'
        AND c.duplicate_decision IS DISTINCT FROM 'duplicate')::int AS complaints,
    (SELECT count(*) FROM inspections i
      WHERE i.property_id = $1 AND i.status = 'no_access'
        AND i.completed_at > $2::timestamptz - interval '12 months')::int AS no_access,
    (SELECT max(i.completed_at) FROM inspections i
      WHERE i.property_id = $1 AND i.status = 'done') AS last_inspected_at`;

@Injectable()
export class RiskRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async propertyExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM properties WHERE id = $1`, [
      id,
    ]);
    return rows.length > 0;
  }

  async factsOf(propertyId: string, now: Date): Promise<RiskFacts> {
    const [row]: Array<{
      open_c: number;
      open_b: number;
      open_a: number;
      not_remedied: number;
      overcrowded: number;
      complaints: number;
      no_access: number;
      last_inspected_at: Date | null;
    }> = await this.manager.query(FACTS_SQL, [propertyId, now]);
    return {
      openDefects: { A: row.open_a, B: row.open_b, C: row.open_c },
      notRemediedDefects: row.not_remedied,
      overcrowdedUnits: row.overcrowded,
      complaintsLast12Months: row.complaints,
      noAccessLast12Months: row.no_access,
      daysSinceLastInspection: row.last_inspected_at
        ? Math.max(0, Math.floor((now.getTime() - row.last_inspected_at.getTime()) / 86_400_000))
        : null,
    };
  }

  async upsert(risk: PropertyRisk): Promise<void> {
    await this.manager.query(
      `INSERT INTO property_risk (property_id, score, facts, factors, weights_version, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (property_id) DO UPDATE
         SET score = EXCLUDED.score, facts = EXCLUDED.facts, factors = EXCLUDED.factors,
             weights_version = EXCLUDED.weights_version, computed_at = EXCLUDED.computed_at`,
      [
        risk.propertyId,
        risk.score,
        JSON.stringify(risk.facts),
        JSON.stringify(risk.factors),
        risk.weightsVersion,
        risk.computedAt,
      ],
    );
  }

  find(propertyId: string): Promise<PropertyRisk | null> {
    return this.manager.getRepository(PropertyRisk).findOneBy({ propertyId });
  }

  async allPropertyIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(`SELECT id FROM properties`);
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

  /** Takes the weights table's lock so two admins cannot both write version n + 1. */
  async lockWeights(): Promise<void> {
    await this.manager.query(`LOCK TABLE risk_weights IN SHARE ROW EXCLUSIVE MODE`);
  }

  async insertWeights(row: Omit<RiskWeightsVersion, 'createdAt'>): Promise<RiskWeightsVersion> {
    const repo = this.manager.getRepository(RiskWeightsVersion);
    return repo.save(repo.create(row));
  }
}
