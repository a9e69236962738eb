import { Injectable } from '@nestjs/common';
import { PropertiesService } from '@hausakte/properties';
import { NotFoundProblem, Page } from '@hausakte/platform';
import type { TimelineEntryDto, TimelineQueryDto } from './timeline.dto';
import { TimelineRepository } from './timeline.repository';

/** A property's file in time order: inspections, defects, photos, complaints (newest first). */
@Injectable()
export class TimelineService {
  constructor(
    private readonly properties: PropertiesService,
    private readonly timeline: TimelineRepository,
  ) {}

  async ofProperty(propertyId: string, query: TimelineQueryDto): Promise<Page<TimelineEntryDto>> {
    if (!(await this.properties.exists(propertyId))) throw new NotFoundProblem('Property');
    return this.timeline.ofProperty(propertyId, query);
  }
}
