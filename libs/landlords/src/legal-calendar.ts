import { Injectable } from '@nestjs/common';
import { berlinDateOf } from '@hausakte/platform';

/**
 * Today as the authority counts days (Europe/Berlin), whatever zone the server runs in. A provider
 * of its own so that a test can fix the day (`overrideProvider(LegalCalendar)`).
 */
@Injectable()
export class LegalCalendar {
  today(): string {
    return berlinDateOf(new Date());
  }
}
