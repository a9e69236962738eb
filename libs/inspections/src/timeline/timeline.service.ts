import { Injectable } from '@nestjs/common';
import { NotFoundProblem, Page } from '@hausakte/platform';
import { PropertyFacts } from '../inspections/property-facts.repository';
import type { TimelineEntryDto, TimelineQueryDto } from './timeline.dto';
import { TimelineRepository } from './timeline.repository';

/** A property's file in time order: inspections, defects, photos, complaints (newest first). */
@Injectable()
export class TimelineService {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly facts: PropertyFacts,
  ) {}

  async ofProperty(propertyId: string, query: TimelineQueryDto): Promise<Page<TimelineEntryDto>> {
    if (!(await this.facts.propertyExists(propertyId))) throw new NotFoundProblem('Property');
    return this.timeline.ofProperty(propertyId, query);
  }
}
