import { ApiProperty } from '@nestjs/swagger';
import { PointDto } from '@hausakte/properties';
import { PHOTO_CONTENT_TYPES, type PhotoContentType } from '../photo.entity';
import type { PhotoRow } from '../photo.repository';

/** A photo's record. Its bytes are at `…/preview` (for everyone who may read it) and `…/original`. */
export class PhotoDto {
  @ApiProperty({ format: 'uuid', description: 'The client’s UUID of the photo' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The client’s UUID of the defect' })
  defectId!: string;
  @ApiProperty({
    description:
      'The defect exists. Until then only the uploader sees the photo; never attached, it is removed after 7 days.',
  })
  attached!: boolean;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ enum: PHOTO_CONTENT_TYPES, description: 'Of the original, from its bytes' })
  contentType!: PhotoContentType;
  @ApiProperty({ description: 'Of the original' }) byteSize!: number;
  @ApiProperty({ description: 'Upright, in pixels' }) width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ example: 'c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a' })
  sha256!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'EXIF DateTimeOriginal. EXIF has no zone: the time is read as Europe/Berlin unless the photo gives its offset.',
  })
  capturedAt!: Date | null;
  @ApiProperty({ type: () => PointDto, nullable: true, description: 'EXIF GPS position' })
  location!: PointDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'IMG_2041.jpg' })
  originalFilename!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;

  static from(row: PhotoRow): PhotoDto {
    return {
      id: row.id,
      defectId: row.defectId,
      attached: row.attached,
      uploadedBy: row.uploadedBy,
      contentType: row.contentType,
      byteSize: row.byteSize,
      width: row.width,
      height: row.height,
      sha256: row.sha256,
      capturedAt: row.capturedAt,
      location: row.gps
        ? { type: 'Point', coordinates: row.gps.coordinates as [number, number] }
        : null,
      originalFilename: row.originalFilename,
      createdAt: row.createdAt,
    };
  }
}

export class PhotoPageDto {
  @ApiProperty({ type: [PhotoDto] }) items!: PhotoDto[];
  @ApiProperty() total!: number;
}
