import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  ConfirmRetentionRequest,
  CreateErasureRequest,
  ERASURE_LEGAL_BASIS,
  ERASURE_REQUESTER,
  ERASURE_STATUS,
  ErasureDecisionRequest,
  ErasureLegalBasis,
  ErasureRequester,
  ErasureRequestsQuery,
  ErasureSort,
  ErasureStatus,
  MAX_RETENTION_YEARS,
  MIN_RETENTION_YEARS,
  PostponeRetentionRequest,
  RefuseErasureRequest,
  RETENTION_ITEM_STATUS,
  RetentionItemStatus,
  RetentionQueueQuery,
  RetentionSort,
  UpdateRetentionSettingRequest,
} from '@ruta/shared';
import { IsCalendarDate, IsOption, NotInFuture } from '@ruta/platform';

class PageDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class RetentionQueueQueryDto extends PageDto implements RetentionQueueQuery {
  @IsOption(RETENTION_ITEM_STATUS, false) status?: RetentionItemStatus;
  @ApiPropertyOptional({ enum: ['due_asc', 'due_desc'] }) @IsOptional() @IsIn(['due_asc', 'due_desc']) sort?: RetentionSort;
}

export class ErasureRequestsQueryDto extends PageDto implements ErasureRequestsQuery {
  @IsOption(ERASURE_STATUS, false) status?: ErasureStatus;
  @ApiPropertyOptional({ enum: ['created_desc', 'created_asc'] }) @IsOptional() @IsIn(['created_desc', 'created_asc']) sort?: ErasureSort;
}

export class VersionDto implements ConfirmRetentionRequest, ErasureDecisionRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(2147483647) version!: number;
}

export class PostponeRetentionDto extends VersionDto implements PostponeRetentionRequest {
  @ApiProperty() @IsString() @MinLength(10, { message: 'reason must say why, in at least 10 characters' }) @MaxLength(1000) reason!: string;
  @ApiProperty() @IsCalendarDate() until!: string;
}

export class UpdateRetentionSettingDto extends VersionDto implements UpdateRetentionSettingRequest {
  @ApiProperty() @IsInt() @Min(MIN_RETENTION_YEARS) @Max(MAX_RETENTION_YEARS) years!: number;
}

export class CreateErasureRequestDto implements CreateErasureRequest {
  @ApiProperty() @IsString() @Matches(/^RT-\d{4}-\d{6}$/i, { message: 'caseCode must be a case code such as RT-2026-000123' }) caseCode!: string;
  @IsOption(ERASURE_LEGAL_BASIS) legalBasis!: ErasureLegalBasis;
  @IsOption(ERASURE_REQUESTER) requester!: ErasureRequester;
  @ApiProperty() @IsString() @MinLength(10, { message: 'reason must say why, in at least 10 characters' }) @MaxLength(2000) reason!: string;
  @ApiProperty() @IsCalendarDate() @NotInFuture() receivedOn!: string;
}

export class RefuseErasureDto extends VersionDto implements RefuseErasureRequest {
  @ApiProperty() @IsString() @MinLength(10, { message: 'reason must say why, in at least 10 characters' }) @MaxLength(1000) reason!: string;
}

export class LanguageQueryDto {
  @ApiPropertyOptional({ enum: ['es', 'en'] }) @IsOptional() @IsIn(['es', 'en']) language?: 'es' | 'en';
}
