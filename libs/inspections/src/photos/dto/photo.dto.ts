import { ApiProperty } from '@nestjs/swagger';
import { PointDto } from '@hausakte/properties';
import { PHOTO_CONTENT_TYPES, type PhotoContentType } from '../photo.entity';
import type { PhotoRow } from '../photo.repository';

const EXIF_ONLY =
  'Only for roles that may see original photos (inspector, officer); null for everyone else.';

/**
 * A photo's record. Its bytes are at `…/preview` (for everyone who may read it) and `…/original`.
 * Capture time, position and file name come with the original (DOMAIN.md: "see original photos
 * (with EXIF)"): for other readers they are null.
 */
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
    description: `EXIF DateTimeOriginal. EXIF has no zone: the time is read as Europe/Berlin unless the photo gives its offset. ${EXIF_ONLY}`,
  })
  capturedAt!: Date | null;
  @ApiProperty({
    type: () => PointDto,
    nullable: true,
    description: `EXIF GPS position. ${EXIF_ONLY}`,
  })
  location!: PointDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'IMG_2041.jpg',
    description: `The name the device gave the file. ${EXIF_ONLY}`,
  })
  originalFilename!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;

  /** `withExif`: the reader may see original photos (`seeOriginalPhotos`). */
  static from(row: PhotoRow, withExif: boolean): PhotoDto {
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
      capturedAt: withExif ? row.capturedAt : null,
      location:
        withExif && row.gps
          ? { type: 'Point', coordinates: row.gps.coordinates as [number, number] }
          : null,
      originalFilename: withExif ? row.originalFilename : null,
      createdAt: row.createdAt,
    };
  }
}

export class PhotoPageDto {
  @ApiProperty({ type: [PhotoDto] }) items!: PhotoDto[];
  @ApiProperty() total!: number;
}
