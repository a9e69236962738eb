import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { IsLegalDate } from '@hausakte/landlords';
import { ValidationProblem } from '@hausakte/platform';
import { DELIVERY_METHODS, type Delivery, type DeliveryMethod } from '../rules/notification';

const METHODS = Object.keys(DELIVERY_METHODS) as DeliveryMethod[];
const POSTED: DeliveryMethod[] = [
  'ordinary_post',
  'registered_handover',
  'registered_return_receipt',
];

/** Which channel a projection assumes, the letter leaving today (ordinary post if not given). */
export class ProjectionQueryDto {
  @ApiPropertyOptional({ enum: METHODS, default: 'ordinary_post' })
  @IsOptional()
  @IsIn(METHODS, { message: `must be one of ${METHODS.join(', ')}` })
  method?: DeliveryMethod;
}

/** The delivery of a letter that leaves today by `method`, before anything about it is known. */
export function deliveryLeavingOn(method: DeliveryMethod, today: string): Delivery {
  switch (method) {
    case 'postal_service_certificate':
      return { method, certificateOn: today };
    case 'personal_delivery':
      return { method, handedOverOn: today };
    default:
      return { method, postedOn: today };
  }
}

/**
 * How a letter reached its addressee, as the file records it (the rules' `Delivery`). Which dates
 * are needed depends on the method: posting day for post and registered mail, the certificate's
 * date for a Postzustellungsurkunde, the hand-over day for personal delivery.
 */
export class DeliveryDto {
  @ApiProperty({ enum: METHODS })
  @IsIn(METHODS, { message: `must be one of ${METHODS.join(', ')}` })
  method!: DeliveryMethod;

  @ApiPropertyOptional({ format: 'date', description: 'Post and registered mail: day of posting' })
  @ValidateIf((d: DeliveryDto) => POSTED.includes(d.method))
  @IsLegalDate()
  postedOn?: string;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'A proven actual receipt; counts only if later than the presumed day',
  })
  @IsOptional()
  @IsLegalDate()
  provenReceiptOn?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'Date on the return receipt',
  })
  @IsOptional()
  @IsLegalDate()
  returnReceiptOn?: string | null;

  @ApiPropertyOptional({ format: 'date', description: 'Postal service certificate: its date' })
  @ValidateIf((d: DeliveryDto) => d.method === 'postal_service_certificate')
  @IsLegalDate()
  certificateOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Personal delivery: day of hand-over' })
  @ValidateIf((d: DeliveryDto) => d.method === 'personal_delivery')
  @IsLegalDate()
  handedOverOn?: string;
}

/** The rules' `Delivery` from the request, with only the fields its method has. */
export function toDelivery(dto: DeliveryDto): Delivery {
  switch (dto.method) {
    case 'ordinary_post':
    case 'registered_handover':
      return {
        method: dto.method,
        postedOn: dto.postedOn!,
        provenReceiptOn: dto.provenReceiptOn ?? null,
      };
    case 'registered_return_receipt':
      return {
        method: dto.method,
        postedOn: dto.postedOn!,
        returnReceiptOn: dto.returnReceiptOn ?? null,
        provenReceiptOn: dto.provenReceiptOn ?? null,
      };
    case 'postal_service_certificate':
      return { method: dto.method, certificateOn: dto.certificateOn! };
    case 'personal_delivery':
      return { method: dto.method, handedOverOn: dto.handedOverOn! };
  }
}

/** The recorded days of a delivery, by field name, for checks such as "not in the future". */
export function recordedDays(delivery: Delivery): Array<[string, string]> {
  return Object.entries(delivery).filter(
    (entry): entry is [string, string] => entry[0] !== 'method' && typeof entry[1] === 'string',
  );
}

/** No recorded day of a delivery may come before the letter existed (a year typo, say). */
export function refuseDaysBefore(delivery: Delivery, notBefore: string, what: string): void {
  const early = recordedDays(delivery).filter(([, day]) => day < notBefore);
  if (early.length > 0) {
    throw new ValidationProblem(
      early.map(([field]) => ({
        field: `delivery.${field}`,
        message: `must not be before ${what}, ${notBefore}`,
      })),
    );
  }
}
