import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CreateTraffickerRequest, DEFENDANT_SEX, DefendantSex, TRAFFICKER_KIND, TRAFFICKER_ROLE, TraffickerKind, TraffickerRole } from '@ruta/shared';
import { IsOption, IsOptionList } from '@ruta/platform';
import { CASE_CODE } from '../../operations/dto/operation-requests.dto';

export const COUNTRY = /^[A-Z]{2}$/;

export class CreateTraffickerDto implements CreateTraffickerRequest {
  @IsOption(TRAFFICKER_KIND) kind!: TraffickerKind;
  @ApiProperty() @IsString({ message: 'name is required' }) @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true }) aliases?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) documentNumber?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(COUNTRY, { message: 'nationality must be an ISO 3166-1 alpha-2 code' }) nationality?: string;
  @IsOption(DEFENDANT_SEX, false) sex?: DefendantSex;
  @IsOptionList(TRAFFICKER_ROLE, false) roles?: TraffickerRole[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) relationToVictim?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(CASE_CODE, { each: true, message: 'each of caseCodes must look like RT-2026-000123' })
  caseCodes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'operationId must be an operation id' }) operationId?: string;
}
