import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AuditAction, AuditEntityType, AuditQuery } from '@ruta/shared';

export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'userId must be a user id' }) userId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES }) @IsOptional() @IsIn(AUDIT_ENTITY_TYPES as readonly string[], { message: 'entityType is not a known audit entity type' }) entityType?: AuditEntityType;
  @ApiPropertyOptional() @IsOptional() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS as readonly string[], { message: 'action is not a known audit action' }) action?: AuditAction;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({}, { message: 'from must be a date' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({}, { message: 'to must be a date' }) to?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,19}$/, { message: 'cursor is not valid' }) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}
