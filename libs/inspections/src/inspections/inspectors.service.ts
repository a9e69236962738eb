import { Injectable } from '@nestjs/common';
import {
  AuditTrail,
  NotFoundProblem,
  Page,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import type { InspectorDto, InspectorQueryDto, SetDistrictsDto } from './inspector.dto';
import { InspectorsRepository } from './inspectors.repository';
import { PropertyFacts } from './property-facts.repository';

/** Who goes out, and the districts they know: new work and notifications are routed by these. */
@Injectable()
export class InspectorsService {
  constructor(
    private readonly inspectors: InspectorsRepository,
    private readonly facts: PropertyFacts,
    private readonly audit: AuditTrail,
  ) {}

  async list(query: InspectorQueryDto): Promise<Page<InspectorDto>> {
    const items = await this.inspectors.list({ districtId: query.districtId });
    return { items, total: items.length };
  }

  /** Replaces a person's districts; only inspectors and officers have any. */
  @Transactional()
  async setDistricts(userId: string, input: SetDistrictsDto): Promise<InspectorDto> {
    const [person] = await this.facts.people([userId]);
    if (!person) throw new NotFoundProblem('User');
    if (person.role !== 'inspector' && person.role !== 'officer') {
      throw new ValidationProblem([
        { field: 'districtIds', message: `a ${person.role} is not sent to inspections` },
      ]);
    }
    const districtIds = [...new Set(input.districtIds)].sort();
    const unknown = await this.inspectors.unknownDistricts(districtIds);
    if (unknown.length > 0) {
      throw new ValidationProblem([
        { field: 'districtIds', message: `unknown districts: ${unknown.join(', ')}` },
      ]);
    }
    const before = await this.inspectors.districtIdsOf(userId);
    if (before.join() !== districtIds.join()) {
      await this.inspectors.replaceDistricts(userId, districtIds);
      await this.audit.record({
        action: 'inspector.districts_changed',
        entityType: 'user',
        entityId: userId,
        before: { districtIds: before },
        after: { districtIds },
      });
    }
    const [row] = (await this.inspectors.list({})).filter((candidate) => candidate.id === userId);
    return (
      row ?? { id: person.id, displayName: person.displayName, role: person.role, districts: [] }
    );
  }
}
