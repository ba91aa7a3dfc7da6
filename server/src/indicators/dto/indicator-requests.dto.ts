import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { CASE_STATUS, CreateExportRequest, EXPLOITATION_PURPOSE, EXPORT_FORMAT, ExportFormat } from '@ruta/shared';
import { IsCalendarDate, IsOption } from '@ruta/platform';

/** Any period (default: the current year), institution and department. */
export class IndicatorQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt({ message: 'year must be a whole number' }) @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}$/, { message: 'departmentCode must be a two-digit DIVIPOLA code' }) departmentCode?: string;
}

export class AnnualReportQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @Type(() => Number) @IsInt({ message: 'year must be a whole number' }) @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: ['json', 'xlsx', 'pdf'] }) @IsOptional() @IsIn(['json', 'xlsx', 'pdf'], { message: 'format must be json, xlsx or pdf' }) format?: 'json' | 'xlsx' | 'pdf';
  @ApiPropertyOptional({ enum: ['es', 'en'] }) @IsOptional() @IsIn(['es', 'en'], { message: 'language must be es or en' }) language?: 'es' | 'en';
}

/** The language of a generated file. */
export class LanguageQueryDto {
  @ApiPropertyOptional({ enum: ['es', 'en'] }) @IsOptional() @IsIn(['es', 'en'], { message: 'language must be es or en' }) language?: 'es' | 'en';
}

export class AnonymousStatisticsQueryDto extends IndicatorQueryDto {
  @ApiPropertyOptional({ example: 11 }) @IsOptional() @Type(() => Number) @IsInt({ message: 'k must be a whole number' }) @Min(2) @Max(100) k?: number;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?: 'json' | 'csv';
}

export class CreateExportDto implements CreateExportRequest {
  @IsOption(EXPORT_FORMAT) format!: ExportFormat;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'identified must be true or false' }) identified?: boolean;
  @ApiPropertyOptional() @ValidateIf((o: CreateExportDto) => o.identified === true || o.reason !== undefined)
  @IsString({ message: 'reason is required for an identified export' })
  @MinLength(10, { message: 'reason must say why, in at least 10 characters' })
  @MaxLength(1000)
  reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(CASE_STATUS.values, { message: 'status must be a case status' }) status?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsIn(CASE_STATUS.values, { each: true, message: 'statuses must be case statuses' }) statuses?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('4', { each: true, message: 'institutionIds must be institution ids' }) institutionIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsIn(EXPLOITATION_PURPOSE.values, { each: true, message: 'purposes must be purposes of exploitation' }) purposes?: string[];
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}$/, { message: 'departmentCode must be a two-digit DIVIPOLA code' }) departmentCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'minor must be true or false' }) minor?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'assignedToMe must be true or false' }) assignedToMe?: boolean;
  @ApiPropertyOptional() @IsOptional() @Matches(/^RT-\d{4}-\d{6}$/i, { message: 'code must be a case code' }) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() createdFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() createdTo?: string;
  @ApiPropertyOptional({ enum: ['es', 'en'] }) @IsOptional() @IsIn(['es', 'en'], { message: 'language must be es or en' }) language?: 'es' | 'en';
}
