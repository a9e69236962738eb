import { Injectable, Logger } from '@nestjs/common';
import { Outbox } from '@hausakte/jobs';
import {
  AuditTrail,
  NotFoundProblem,
  RequestContext,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { computeRiskScore, DEFAULT_RISK_WEIGHTS, RiskWeights, validateRiskWeights } from './rules';
import type { PropertyRiskDto, RiskWeightsDto } from './risk.dto';
import { RiskRepository } from './risk.repository';

/** How many properties one transaction of the full recompute covers. */
const RECOMPUTE_BATCH = 500;

/**
 * The risk read model: a property's score is recomputed from its facts when an outbox event says
 * something about it changed, and all of them nightly as a safety net and after new weights.
 */
@Injectable()
export class RiskService {
  private readonly logger = new Logger(RiskService.name);

  constructor(
    private readonly risk: RiskRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly context: RequestContext,
  ) {}

  /** Recomputes and stores one property's score; a property gone meanwhile is skipped. */
  @Transactional()
  async recompute(propertyId: string, now = new Date()): Promise<void> {
    if (!(await this.risk.propertyExists(propertyId))) return;
    const { weights, version } = await this.weights();
    const facts = await this.risk.factsOf(propertyId, now);
    const scored = computeRiskScore(facts, weights as RiskWeights);
    await this.risk.upsert({
      propertyId,
      score: scored.score,
      facts: { ...facts },
      factors: [...scored.factors],
      weightsVersion: version,
      computedAt: now,
    });
  }

  async recomputeAll(now = new Date()): Promise<number> {
    const ids = await this.risk.allPropertyIds();
    for (let start = 0; start < ids.length; start += RECOMPUTE_BATCH) {
      await this.recomputeBatch(ids.slice(start, start + RECOMPUTE_BATCH), now);
    }
    this.logger.log({ properties: ids.length }, 'Risk scores recomputed');
    return ids.length;
  }

  @Transactional()
  private async recomputeBatch(ids: string[], now: Date): Promise<void> {
    for (const id of ids) await this.recompute(id, now);
  }

  /** The stored score; a property no event has touched yet has none and gets it computed now. */
  async get(propertyId: string): Promise<PropertyRiskDto> {
    if (!(await this.risk.propertyExists(propertyId))) throw new NotFoundProblem('Property');
    let stored = await this.risk.find(propertyId);
    if (!stored) {
      await this.recompute(propertyId);
      stored = (await this.risk.find(propertyId))!;
    }
    const { weights, version } = await this.weights();
    return {
      propertyId,
      score: stored.score,
      factors: stored.factors as PropertyRiskDto['factors'],
      facts: stored.facts,
      weights: stored.weightsVersion === version ? weights : {},
      weightsVersion: stored.weightsVersion,
      computedAt: stored.computedAt.toISOString(),
    };
  }

  async weights(): Promise<RiskWeightsDto> {
    const current = await this.risk.currentWeights();
    return current
      ? { version: current.version, weights: current.weights }
      : { version: 0, weights: { ...DEFAULT_RISK_WEIGHTS } };
  }

  /** New weights become the next version; every score is then recomputed by a job. */
  @Transactional()
  async setWeights(expectedVersion: number, weights: unknown): Promise<RiskWeightsDto> {
    await this.risk.lockWeights();
    const before = await this.weights();
    if (before.version !== expectedVersion) throw new StaleVersionProblem(before);
    const errors = validateRiskWeights(weights);
    if (errors.length > 0) {
      throw new ValidationProblem(
        errors.map((error) => ({
          field: error.field === 'weights' ? 'weights' : `weights.${error.field}`,
          message: error.message,
        })),
      );
    }
    const saved = await this.risk.insertWeights({
      version: before.version + 1,
      weights: weights as Record<string, number>,
      createdBy: this.context.actorId,
    });
    const after = { version: saved.version, weights: saved.weights };
    await this.audit.record({
      action: 'risk_weights.changed',
      entityType: 'risk_weights',
      entityId: String(saved.version),
      before: { ...before },
      after: { ...after },
    });
    await this.outbox.add({
      job: 'risk-recompute-all',
      jobId: `risk-recompute-all-weights-${saved.version}`,
    });
    return after;
  }
}
