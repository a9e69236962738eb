import { Injectable } from '@nestjs/common';
import {
  AuditTrail,
  NotFoundProblem,
  Page,
  StaleVersionProblem,
  Transactional,
} from '@hausakte/platform';
import {
  ContactField,
  personalContactFieldsShown,
  withoutPersonalContactData,
} from './contact-data';
import type {
  CreateLandlordDto,
  PostalAddressInputDto,
  UpdateLandlordDto,
} from './dto/landlord-input.dto';
import { LandlordDto, LandlordSummaryDto } from './dto/landlord.dto';
import type { LandlordQueryDto } from './dto/landlord-query.dto';
import type { Landlord } from './landlord.entity';
import { LandlordNetworksService } from './landlord-networks.service';
import { LandlordRepository } from './landlord.repository';

type PostalColumns = Pick<
  Landlord,
  'postalStreet' | 'postalHouseNumber' | 'postalPostcode' | 'postalCity' | 'postalCountry'
>;

/** The postal address as columns: all set, or all null (the country keeps its default). */
function postalColumns(address: PostalAddressInputDto | null): PostalColumns {
  return {
    postalStreet: address?.street ?? null,
    postalHouseNumber: address?.houseNumber ?? null,
    postalPostcode: address?.postcode ?? null,
    postalCity: address?.city ?? null,
    postalCountry: address?.country ?? 'DE',
  };
}

/** What the audit trail keeps of a landlord: the record as a reader sees it, without timestamps. */
function auditView(landlord: LandlordDto): Record<string, unknown> {
  return {
    kind: landlord.kind,
    name: landlord.name,
    registerNumber: landlord.registerNumber,
    directors: landlord.directors,
    email: landlord.email,
    phone: landlord.phone,
    postalAddress: landlord.postalAddress,
    undeliverableNote: landlord.undeliverableNote,
    notes: landlord.notes,
    version: landlord.version,
  };
}

@Injectable()
export class LandlordsService {
  constructor(
    private readonly landlords: LandlordRepository,
    private readonly audit: AuditTrail,
    private readonly networks: LandlordNetworksService,
  ) {}

  async list(query: LandlordQueryDto): Promise<Page<LandlordSummaryDto>> {
    const { rows, total } = await this.landlords.list({
      q: query.q || undefined,
      kind: query.kind,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: rows.map((row): LandlordSummaryDto => ({ ...row })), total };
  }

  /** One landlord with contact data; showing a person's contact data is recorded in the audit trail. */
  async get(id: string): Promise<LandlordDto> {
    const landlord = await this.landlords.findById(id);
    if (!landlord) throw new NotFoundProblem('Landlord');
    const shown = LandlordDto.from(landlord);
    const personal = personalContactFieldsShown(shown);
    if (personal.length > 0) await this.recordContactRead(id, personal);
    return shown;
  }

  @Transactional()
  async create(input: CreateLandlordDto): Promise<LandlordDto> {
    const landlord = await this.landlords.insert({
      kind: input.kind,
      name: input.name,
      registerNumber: input.registerNumber ?? null,
      directors: input.directors ?? [],
      email: input.email ?? null,
      phone: input.phone ?? null,
      ...postalColumns(input.postalAddress ?? null),
      undeliverableNote: input.undeliverableNote ?? null,
      notes: input.notes ?? null,
    });
    const created = LandlordDto.from(landlord);
    await this.audit.record({
      action: 'landlord.created',
      entityType: 'landlord',
      entityId: landlord.id,
      after: auditView(created),
    });
    await this.networks.relinkLandlords([landlord.id]);
    return created;
  }

  /** Applies the changes if `expectedVersion` is still current; a change to nothing writes nothing. */
  @Transactional()
  async update(
    id: string,
    expectedVersion: number,
    changes: UpdateLandlordDto,
  ): Promise<LandlordDto> {
    const landlord = await this.landlords.findByIdForUpdate(id);
    if (!landlord) throw new NotFoundProblem('Landlord');
    const before = LandlordDto.from(landlord);
    if (landlord.version !== expectedVersion) {
      throw new StaleVersionProblem(withoutPersonalContactData(before));
    }

    if (changes.kind !== undefined) landlord.kind = changes.kind;
    if (changes.name !== undefined) landlord.name = changes.name;
    if (changes.registerNumber !== undefined) landlord.registerNumber = changes.registerNumber;
    if (changes.directors !== undefined) landlord.directors = changes.directors;
    if (changes.email !== undefined) landlord.email = changes.email;
    if (changes.phone !== undefined) landlord.phone = changes.phone;
    if (changes.postalAddress !== undefined)
      Object.assign(landlord, postalColumns(changes.postalAddress));
    if (changes.undeliverableNote !== undefined)
      landlord.undeliverableNote = changes.undeliverableNote;
    if (changes.notes !== undefined) landlord.notes = changes.notes;

    const unchanged =
      JSON.stringify(auditView(LandlordDto.from(landlord))) === JSON.stringify(auditView(before));
    if (unchanged) return before;

    const after = LandlordDto.from(await this.landlords.save(landlord));
    await this.audit.record({
      action: 'landlord.updated',
      entityType: 'landlord',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    // Relinking takes the network lock: only for the fields links are made of.
    if (networkKeysOf(before) !== networkKeysOf(after)) await this.networks.relinkLandlords([id]);
    return after;
  }

  /** Which fields were shown, never their values: the trail must not become a copy of them. */
  @Transactional()
  private async recordContactRead(id: string, fieldsShown: ContactField[]): Promise<void> {
    await this.audit.record({
      action: 'landlord.contact_read',
      entityType: 'landlord',
      entityId: id,
      after: { fieldsShown },
    });
  }
}

/** What network links are made of (docs/adr/0015): kind, register number, directors, address. */
function networkKeysOf(landlord: LandlordDto): string {
  const { kind, registerNumber, directors, postalAddress } = landlord;
  return JSON.stringify({ kind, registerNumber, directors, postalAddress });
}
