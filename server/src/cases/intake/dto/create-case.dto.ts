import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CreateCaseRequest, DuplicateCheckRequest, SEX, Sex } from '@ruta/shared';
import { CaseBasicsDto, CaseSituationDto, ScreeningDto, VictimIdentityDto } from '../../core';
import { IsCalendarDate, IsOption, NotInFuture } from '@ruta/platform';
import { ConsentDto } from '../../consents';

/** Intake in one request: screening, identity, situation and consent are written together, or not at all. */
export class CreateCaseDto implements CreateCaseRequest {
  @ApiProperty({ type: CaseBasicsDto }) @IsDefined({ message: 'case is required' }) @ValidateNested() @Type(() => CaseBasicsDto) case!: CaseBasicsDto;
  @ApiProperty({ type: ScreeningDto }) @IsDefined({ message: 'screening is required' }) @ValidateNested() @Type(() => ScreeningDto) screening!: ScreeningDto;
  @ApiProperty({ type: VictimIdentityDto }) @IsDefined({ message: 'victim is required' }) @ValidateNested() @Type(() => VictimIdentityDto) victim!: VictimIdentityDto;
  @ApiProperty({ type: CaseSituationDto }) @IsDefined({ message: 'situation is required' }) @ValidateNested() @Type(() => CaseSituationDto) situation!: CaseSituationDto;
  @ApiPropertyOptional({ type: [ConsentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ConsentDto) consents?: ConsentDto[];
}

export class DuplicateCheckDto implements DuplicateCheckRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Za-z .\-/]{1,40}$/, { message: 'documentNumber may hold letters, digits, spaces, dots, dashes and slashes' }) documentNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) givenNames?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) familyNames?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @NotInFuture() birthDate?: string;
  @IsOption(SEX, false) sex?: Sex;
}
