import { Injectable } from '@nestjs/common';
import { Between, FindOptionsWhere, IsNull, Not } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { DuplicateCandidate } from './complaint-duplicates';
import { Complaint } from './complaint.entity';

export type NewComplaint = Omit<Complaint, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export interface ComplaintListFilter {
  propertyId?: string;
  legalGround?: string;
  /** Flagged as a possible duplicate, no decision yet. */
  undecidedDuplicates?: boolean;
  /** Not linked to a property. */
  unmatched?: boolean;
  limit: number;
  offset: number;
}

@Injectable()
export class ComplaintRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  private get complaints() {
    return this.manager.getRepository(Complaint);
  }

  findById(id: string): Promise<Complaint | null> {
    return this.complaints.findOneBy({ id });
  }

  /**
   * Locks the row for the rest of the transaction, so a version check and its write cannot
   * interleave. FOR NO KEY UPDATE: a complaint being recorded may still reference this one as
   * its possible duplicate (the foreign key's KEY SHARE lock) without waiting.
   */
  findByIdForUpdate(id: string): Promise<Complaint | null> {
    return this.complaints.findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
  }

  insert(complaint: NewComplaint): Promise<Complaint> {
    return this.complaints.save(this.complaints.create(complaint));
  }

  save(complaint: Complaint): Promise<Complaint> {
    return this.complaints.save(complaint);
  }

  /**
   * Serialises the duplicate checks of these properties' complaints until the transaction ends:
   * two complaints recorded at once each see the other, and the later one is flagged. Taken in
   * one order (by id) and before any complaint row is locked, so two transactions that each
   * need several cannot deadlock.
   */
  async lockPropertyComplaints(...propertyIds: string[]): Promise<void> {
    for (const propertyId of [...new Set(propertyIds)].sort()) {
      await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `complaints|${propertyId}`,
      ]);
    }
  }

  /**
   * The complaints flagged as possible duplicates of this one, locked like `findByIdForUpdate`,
   * in id order.
   */
  flaggedAsDuplicatesOf(id: string): Promise<Complaint[]> {
    return this.complaints.find({
      where: { possibleDuplicateOf: id },
      order: { id: 'ASC' },
      lock: { mode: 'for_no_key_update' },
    });
  }

  /** The inspections that follow up this complaint, in any status, by scheduled time. */
  async inspectionsOf(
    complaintId: string,
  ): Promise<Array<{ id: string; status: string; scheduledAt: Date }>> {
    const rows: Array<{ id: string; status: string; scheduled_at: Date }> =
      await this.manager.query(
        `SELECT id, status, scheduled_at FROM inspections
          WHERE complaint_id = $1
          ORDER BY scheduled_at, id`,
        [complaintId],
      );
    return rows.map((row) => ({ id: row.id, status: row.status, scheduledAt: row.scheduled_at }));
  }

  /** Complaints of the property and category received in [from, to], most recent first. */
  async duplicateCandidates(where: {
    propertyId: string;
    legalGround: string;
    from: Date;
    to: Date;
  }): Promise<DuplicateCandidate[]> {
    const rows = await this.complaints.find({
      select: { id: true, propertyId: true, legalGround: true, receivedAt: true, createdAt: true },
      where: {
        propertyId: where.propertyId,
        legalGround: where.legalGround,
        receivedAt: Between(where.from, where.to),
      },
      order: { receivedAt: 'DESC', createdAt: 'DESC' },
      take: 50,
    });
    return rows.map((row) => ({
      id: row.id,
      propertyId: where.propertyId,
      legalGround: row.legalGround,
      receivedAt: row.receivedAt,
      createdAt: row.createdAt,
    }));
  }

  /** The ids of the inspections planned for each complaint, by scheduled time. */
  async inspectionIdsOf(complaintIds: string[]): Promise<Map<string, string[]>> {
    const byComplaint = new Map<string, string[]>(complaintIds.map((id) => [id, []]));
    if (complaintIds.length === 0) return byComplaint;
    const rows: Array<{ complaint_id: string; ids: string[] }> = await this.manager.query(
      `SELECT complaint_id, array_agg(id::text ORDER BY scheduled_at, id) AS ids
         FROM inspections
        WHERE complaint_id = ANY($1::uuid[])
        GROUP BY complaint_id`,
      [complaintIds],
    );
    for (const row of rows) byComplaint.set(row.complaint_id, row.ids);
    return byComplaint;
  }

  async list(filter: ComplaintListFilter): Promise<{ rows: Complaint[]; total: number }> {
    const where: FindOptionsWhere<Complaint> = {};
    if (filter.propertyId !== undefined) where.propertyId = filter.propertyId;
    if (filter.legalGround !== undefined) where.legalGround = filter.legalGround;
    if (filter.unmatched) where.match = 'none';
    if (filter.undecidedDuplicates) {
      where.possibleDuplicateOf = Not(IsNull());
      where.duplicateDecision = IsNull();
    }
    const [rows, total] = await this.complaints.findAndCount({
      where,
      order: { receivedAt: 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { rows, total };
  }
}
