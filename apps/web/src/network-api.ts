// Landlord networks (GET /landlords/:id/network, splits): shapes as in libs/landlords'
// landlord-network.dto.ts.
import { request, segment, type Role } from './api';

export type LinkKind = 'address' | 'register' | 'director' | 'managed_by';
export type LinkSource = 'address' | 'register' | 'director' | 'ownership';

export interface NetworkMember {
  id: string;
  kind: 'person' | 'company';
  name: string;
}

export interface NetworkLink {
  /** The lower id; the client of a managed-by link. */
  landlordAId: string;
  /** The higher id; the manager of a managed-by link. */
  landlordBId: string;
  kind: LinkKind;
  source: LinkSource;
  /** The shared value as recorded; for an ownership the number of properties. */
  detail: string;
  /** The reason in German words, as the server wrote it. */
  reason: string;
}

export interface Management extends NetworkLink {
  landlord: NetworkMember;
}

export interface NetworkSplit {
  otherLandlordId: string;
  otherName: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

export interface LandlordNetwork {
  landlordId: string;
  networkId: string | null;
  members: NetworkMember[];
  links: NetworkLink[];
  managedBy: Management[];
  manages: Management[];
  managesTotal: number;
  splits: NetworkSplit[];
}

/** Who may split a network (DOMAIN.md, roles: "edit landlords and ownerships"). */
export function canEditLandlords(role: Role): boolean {
  return role === 'officer';
}

export const networkApi = {
  network(id: string, signal?: AbortSignal): Promise<LandlordNetwork> {
    return request('GET', `/landlords/${segment(id)}/network`, { signal });
  },

  split(
    id: string,
    otherLandlordId: string,
    reason: string,
    idempotencyKey: string,
  ): Promise<NetworkSplit> {
    return request('POST', `/landlords/${segment(id)}/network/splits`, {
      body: { otherLandlordId, reason },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },

  undoSplit(id: string, otherLandlordId: string): Promise<void> {
    return request(
      'DELETE',
      `/landlords/${segment(id)}/network/splits/${segment(otherLandlordId)}`,
    );
  },
};
