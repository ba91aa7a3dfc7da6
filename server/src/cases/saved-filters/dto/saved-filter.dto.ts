import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { SaveFilterRequest, UpdateSavedFilterRequest } from '@ruta/shared';
import { CaseFiltersDto } from '../../core';

/** A saved filter holds filter codes only: a name or document number is an unknown field here, so a 400. */
export class SaveFilterDto implements SaveFilterRequest {
  @ApiProperty() @IsString({ message: 'name is required' }) @IsNotEmpty({ message: 'name is required' }) @MaxLength(100) name!: string;
  @ApiProperty({ type: CaseFiltersDto }) @IsDefined({ message: 'filters is required' }) @ValidateNested() @Type(() => CaseFiltersDto) filters!: CaseFiltersDto;
}

export class UpdateSavedFilterDto implements UpdateSavedFilterRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: CaseFiltersDto }) @IsOptional() @ValidateNested() @Type(() => CaseFiltersDto) filters?: CaseFiltersDto;
}
