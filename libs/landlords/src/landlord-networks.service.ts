import { Injectable } from '@nestjs/common';
import {
  AuditTrail,
  ConflictProblem,
  NotFoundProblem,
  RequestContext,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import type {
  CreateNetworkSplitDto,
  LandlordNetworkDto,
  ManagementDto,
  NetworkSplitDto,
} from './dto/landlord-network.dto';
import { LandlordNetworkRepository, ManagementRow } from './landlord-network.repository';

/** How many clients of a manager a network answer lists. */
const MANAGES_SHOWN = 100;

function managementDto({ other, ...link }: ManagementRow): ManagementDto {
  return { ...link, landlord: other };
}

/**
 * Landlord networks (network-rules.ts): links by shared postal address, register number or
 * director, managed-by relations, officers' splits, and the derived network membership.
 *
 * Links are derived data: a landlord is relinked in the transaction that creates or changes it (or
 * one of its ownerships), and `rebuildAllLinks()` derives everything again (nightly, and after a
 * bulk load). The map filters by `networkMemberIds`.
 */
@Injectable()
export class LandlordNetworksService {
  constructor(
    private readonly networks: LandlordNetworkRepository,
    private readonly audit: AuditTrail,
    private readonly context: RequestContext,
  ) {}

  /** The landlord and the other members of its network; empty for an unknown landlord. */
  networkMemberIds(landlordId: string): Promise<string[]> {
    return this.networks.networkMemberIds(landlordId);
  }

  /** Landlords exist but their networks were never derived (a database from before them). */
  isUnbuilt(): Promise<boolean> {
    return this.networks.isUnbuilt();
  }

  /** Derives every key, link and network again, set-based; splits are kept and respected. */
  @Transactional()
  async rebuildAllLinks(): Promise<void> {
    await this.networks.relink('all');
  }

  /**
   * Derives the links of these landlords (and of every landlord sharing a key with them, before or
   * after the change) and their networks again. Joins the caller's transaction.
   */
  @Transactional()
  async relinkLandlords(landlordIds: string[]): Promise<void> {
    await this.networks.relink({ landlordIds });
  }

  /** After an ownership change: the property's landlords, since a manager's clients may change. */
  @Transactional()
  async relinkPropertyLandlords(propertyId: string): Promise<void> {
    await this.relinkLandlords(await this.networks.landlordsOfProperty(propertyId));
  }

  /**
   * The landlord's network with every link's reason, its managers and the landlords it manages.
   * Reasons may show a person's postal address: that read is recorded as for the landlord itself.
   */
  @Transactional()
  async network(landlordId: string): Promise<LandlordNetworkDto> {
    const memberIds = await this.networks.networkMemberIds(landlordId);
    if (memberIds.length === 0) throw new NotFoundProblem('Landlord');
    const [networkId, members, links, managedBy, manages, splits] = [
      await this.networks.networkIdOf(landlordId),
      await this.networks.landlordsByIds(memberIds),
      await this.networks.linksAmong(memberIds),
      await this.networks.managements(landlordId, 'client', MANAGES_SHOWN),
      await this.networks.managements(landlordId, 'manager', MANAGES_SHOWN),
      await this.networks.splitsOf(landlordId),
    ];

    const kindOf = new Map(members.map((m) => [m.id, m.kind]));
    for (const row of [...managedBy.rows, ...manages.rows])
      kindOf.set(row.other.id, row.other.kind);
    const addressesShown = new Set<string>();
    for (const link of [...links, ...managedBy.rows, ...manages.rows]) {
      if (link.source !== 'address') continue;
      for (const id of [link.landlordAId, link.landlordBId])
        if (kindOf.get(id) === 'person') addressesShown.add(id);
    }
    if (addressesShown.size > 0) {
      await this.audit.recordMany(
        [...addressesShown].sort().map((id) => ({
          action: 'landlord.contact_read',
          entityType: 'landlord',
          entityId: id,
          after: { fieldsShown: ['postalAddress'], via: 'network' },
        })),
      );
    }

    return {
      landlordId,
      networkId,
      members,
      links,
      managedBy: managedBy.rows.map(managementDto),
      manages: manages.rows.map(managementDto),
      managesTotal: manages.total,
      splits,
    };
  }

  /**
   * "These are not the same": the pair's network links go and are never derived again until the
   * split is undone. The landlords may still share a network through others.
   */
  @Transactional()
  async split(landlordId: string, input: CreateNetworkSplitDto): Promise<NetworkSplitDto> {
    const other = input.otherLandlordId.toLowerCase();
    if ((await this.networks.networkMemberIds(landlordId)).length === 0)
      throw new NotFoundProblem('Landlord');
    if (other === landlordId.toLowerCase())
      throw new ValidationProblem([
        { field: 'otherLandlordId', message: 'must be another landlord than this one' },
      ]);
    if ((await this.networks.networkMemberIds(other)).length === 0)
      throw new ValidationProblem([
        { field: 'otherLandlordId', message: 'is not a known landlord' },
      ]);

    await this.networks.lock();
    const inserted = await this.networks.insertSplit(
      landlordId,
      other,
      input.reason,
      this.context.actorId,
    );
    if (!inserted) throw new ConflictProblem('These two landlords are split already.');
    await this.networks.rebuildNetworksOf([landlordId, other]);
    const split = await this.networks.findSplit(landlordId, other);
    await this.audit.record({
      action: 'landlord.network_split',
      entityType: 'landlord',
      entityId: landlordId,
      after: { otherLandlordId: other, reason: input.reason },
    });
    return split!;
  }

  /** Undoes a split: the pair's links are derived again. */
  @Transactional()
  async undoSplit(landlordId: string, otherLandlordId: string): Promise<void> {
    const other = otherLandlordId.toLowerCase();
    await this.networks.lock();
    const split = await this.networks.findSplit(landlordId, other);
    if (!split) throw new NotFoundProblem('Split');
    await this.networks.deleteSplit(landlordId, other);
    await this.networks.relink({ landlordIds: [landlordId, other] });
    await this.audit.record({
      action: 'landlord.network_split_undone',
      entityType: 'landlord',
      entityId: landlordId,
      before: { otherLandlordId: other, reason: split.reason },
    });
  }
}
