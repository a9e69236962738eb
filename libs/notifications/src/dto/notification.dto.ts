import { ApiProperty } from '@nestjs/swagger';

/** One entry of the signed-in user's inbox. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'deadline-reminder', description: 'What sort of message' })
  kind!: string;
  @ApiProperty({ example: 'Frist in 7 Tagen: Anordnung 2026-0042, Punkt 3' }) subject!: string;
  @ApiProperty({ example: 'Die Frist für Punkt 3 (Schimmel beseitigen) endet am 01.12.2026.' })
  body!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/vorgaenge/8f0c2a9e-1b7d-4f7e-9a51-0d6c3e2b4a11',
    description: 'Path in the web app',
  })
  link!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'order_item' }) entityType!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) entityId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: unread' })
  readAt!: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ description: 'How many match the filter' }) total!: number;
  @ApiProperty({ description: 'How many of the user’s notifications are unread' })
  unread!: number;
}

export class MarkAllReadResultDto {
  @ApiProperty({ description: 'How many were unread and are now read' }) marked!: number;
}
