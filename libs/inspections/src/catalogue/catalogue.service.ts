import { Injectable } from '@nestjs/common';
import {
  AuditTrail,
  ConflictProblem,
  NotFoundProblem,
  RequestContext,
  StaleVersionProblem,
  Transactional,
} from '@hausakte/platform';
import { CatalogueRepository, FindingCatalogueVersion } from './catalogue.repository';
import { CatalogueItemDto, CatalogueItemListDto } from './dto/catalogue-item.dto';
import type {
  CatalogueQueryDto,
  CreateCatalogueItemDto,
  UpdateCatalogueItemDto,
} from './dto/catalogue-input.dto';

/** What the audit trail keeps of a catalogue version. */
function auditView(item: CatalogueItemDto): Record<string, unknown> {
  return {
    code: item.code,
    version: item.version,
    legalGround: item.legalGround,
    title: item.title,
    description: item.description,
    severity: item.severity,
    period: item.period,
    retired: item.retired,
  };
}

/** The defect catalogue: read by everyone who records or reads findings, edited by admins. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditTrail,
    private readonly context: RequestContext,
  ) {}

  async list(query: CatalogueQueryDto): Promise<CatalogueItemListDto> {
    const items = await this.catalogue.current({
      legalGround: query.legalGround,
      includeRetired: query.includeRetired ?? false,
    });
    return { items: items.map((item) => CatalogueItemDto.from(item, true)), total: items.length };
  }

  /** One version, current or not: old findings show the entry they were recorded against. */
  async getVersion(id: string): Promise<CatalogueItemDto> {
    const item = await this.catalogue.findVersion(id);
    if (!item) throw new NotFoundProblem('Catalogue item');
    return CatalogueItemDto.from(item, await this.catalogue.isCurrent(item));
  }

  /** The versions with these ids, for checking findings against them. */
  versionsForFindings(ids: string[]): Promise<FindingCatalogueVersion[]> {
    return this.catalogue.versionsForFindings([...new Set(ids)]);
  }

  @Transactional()
  async create(input: CreateCatalogueItemDto): Promise<CatalogueItemDto> {
    if (await this.catalogue.currentForUpdate(input.code)) {
      throw new ConflictProblem(`Catalogue code ${input.code} exists; change it instead.`);
    }
    const item = await this.catalogue.insert({
      code: input.code,
      version: 1,
      legalGround: input.legalGround,
      titleDe: input.title.de,
      titleEn: input.title.en,
      descriptionDe: input.description.de,
      descriptionEn: input.description.en,
      severity: input.severity,
      periodUnit: input.period?.unit ?? null,
      periodAmount: input.period?.amount ?? null,
      retired: false,
      createdBy: this.context.actorId,
    });
    const created = CatalogueItemDto.from(item, true);
    await this.audit.record({
      action: 'catalogue_item.created',
      entityType: 'catalogue_item',
      entityId: item.code,
      after: auditView(created),
    });
    return created;
  }

  /** A change is a new version; the old one stays for the findings recorded against it. */
  @Transactional()
  async update(
    code: string,
    expectedVersion: number,
    changes: UpdateCatalogueItemDto,
  ): Promise<CatalogueItemDto> {
    const current = await this.catalogue.currentForUpdate(code);
    if (!current) throw new NotFoundProblem('Catalogue item');
    const before = CatalogueItemDto.from(current, true);
    if (current.version !== expectedVersion) throw new StaleVersionProblem(before);

    const period =
      changes.period === undefined
        ? { unit: current.periodUnit, amount: current.periodAmount }
        : { unit: changes.period?.unit ?? null, amount: changes.period?.amount ?? null };
    const next = {
      code,
      version: current.version + 1,
      legalGround: changes.legalGround ?? current.legalGround,
      titleDe: changes.title?.de ?? current.titleDe,
      titleEn: changes.title?.en ?? current.titleEn,
      descriptionDe: changes.description?.de ?? current.descriptionDe,
      descriptionEn: changes.description?.en ?? current.descriptionEn,
      severity: changes.severity ?? current.severity,
      periodUnit: period.unit,
      periodAmount: period.amount,
      retired: changes.retired ?? current.retired,
      createdBy: this.context.actorId,
    };
    const unchanged = (Object.keys(next) as Array<keyof typeof next>).every(
      (key) => key === 'version' || key === 'createdBy' || next[key] === current[key],
    );
    if (unchanged) return before;

    const after = CatalogueItemDto.from(await this.catalogue.insert(next), true);
    await this.audit.record({
      action: 'catalogue_item.updated',
      entityType: 'catalogue_item',
      entityId: code,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  }
}
