import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RequirePermission } from '@hausakte/auth';
import { ApiProblems, AuditEntry, AuditTrail, PageQuery } from '@hausakte/platform';

class AuditQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorId?: string;
}

class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: Date;
  @ApiProperty({ nullable: true, format: 'uuid', description: 'null: the system' }) actorId!:
    string | null;
  @ApiProperty({ example: 'user.created' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ nullable: true }) correlationId!: string | null;
}

class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntry[];
  @ApiProperty() total!: number;
}

@ApiTags('audit')
@Controller('audit')
@RequirePermission('readAudit')
@ApiProblems(401, 403, 422)
export class AuditController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  @ApiOperation({ summary: 'The audit trail, newest first' })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(query);
  }
}
