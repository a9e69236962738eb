import type { PropertySummaryDto } from './dto/property.dto';
import type { PropertySummaryRow } from './property.repository';

/** A list row as the API answers it (the benchmark's raw server maps with this too). */
export function propertySummaryOf(row: PropertySummaryRow): PropertySummaryDto {
  return {
    id: row.id,
    version: row.version,
    location: { type: 'Point', coordinates: row.location.coordinates as [number, number] },
    primaryAddress: {
      id: row.address_id,
      street: row.street,
      houseNumber: row.house_number,
      postcode: row.postcode,
      city: row.city,
      district: row.address_district,
      isPrimary: true,
    },
    district: row.district_id ? { id: row.district_id, name: row.district_name ?? '' } : null,
    unitCount: row.unit_count,
    ...(row.distance_m !== null && { distanceM: Math.round(row.distance_m * 10) / 10 }),
  };
}
