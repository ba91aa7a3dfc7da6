import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AddDefendantRequest,
  APPEAL_DECISION,
  AppealDecision,
  APPELLANT,
  Appellant,
  CreateAppealRequest,
  CreateHearingRequest,
  CreateProceedingRequest,
  DEFENDANT_SEX,
  DEFENDANT_STAGE,
  DefendantSex,
  DefendantStage,
  HEARING_TYPE,
  HearingType,
  MoveDefendantRequest,
  OFFENCE,
  Offence,
  PROCEEDING_VICTIM_ROLE,
  ProceedingVictimRole,
  PROTECTION_MEASURE,
  ProtectionMeasure,
  SentenceTerms,
  SHORTCUT,
  Shortcut,
  UpdateAppealRequest,
} from '@ruta/shared';
import { IsCalendarDate, IsOption, IsOptionList, NotInFuture } from '@ruta/platform';
import { CASE_CODE, ListQueryDto } from '../../operations/dto/operation-requests.dto';
import { COUNTRY } from '../../traffickers/dto/trafficker-requests.dto';

export class ProceedingVictimDto {
  @ApiProperty() @Matches(CASE_CODE, { message: 'caseCode must look like RT-2026-000123' }) caseCode!: string;
  @IsOption(PROCEEDING_VICTIM_ROLE) role!: ProceedingVictimRole;
  @IsOptionList(PROTECTION_MEASURE, false) protectionMeasures?: ProtectionMeasure[];
}

export class CreateProceedingDto implements CreateProceedingRequest {
  /** Checked by the service (format, DIVIPOLA municipality, year) with one clear message. */
  @ApiProperty({ example: '110016000050201812345' }) @IsString({ message: 'nunc is required' }) @MaxLength(30) nunc!: string;
  @ApiProperty() @IsCalendarDate() @NotInFuture() reportedOn!: string;
  @ApiProperty() @IsString({ message: 'prosecutorUnit is required' }) @IsNotEmpty({ message: 'prosecutorUnit is required' }) @MaxLength(200) prosecutorUnit!: string;
  @ApiProperty() @IsString({ message: 'prosecutorName is required' }) @IsNotEmpty({ message: 'prosecutorName is required' }) @MaxLength(200) prosecutorName!: string;
  @IsOptionList(OFFENCE) @ArrayMinSize(1, { message: 'choose at least one offence' }) offences!: Offence[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) otherOffence?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'operationId must be an operation id' }) operationId?: string;
  @ApiProperty({ type: [ProceedingVictimDto] })
  @IsArray({ message: 'victims must be a list' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProceedingVictimDto)
  victims!: ProceedingVictimDto[];
}

export class AddDefendantDto implements AddDefendantRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'traffickerId must be an alleged trafficker id' }) traffickerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name?: string;
  @IsOption(DEFENDANT_SEX) sex!: DefendantSex;
  @ApiPropertyOptional() @IsOptional() @Matches(COUNTRY, { message: 'nationality must be an ISO 3166-1 alpha-2 code' }) nationality?: string;
}

export class SentenceDto implements SentenceTerms {
  @ApiProperty() @IsInt({ message: 'prisonMonths must be a whole number of months' }) @Min(0) @Max(1200) prisonMonths!: number;
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }, { message: 'fineSmlmv must be a number of minimum monthly wages' }) @Min(0) @Max(1000000) fineSmlmv!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) accessoryPenalties?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reparationOrdered?: string;
}

export class MoveDefendantDto implements MoveDefendantRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @IsOption(DEFENDANT_STAGE) to!: DefendantStage;
  @ApiProperty() @IsCalendarDate() @NotInFuture() on!: string;
  @IsOption(SHORTCUT, false) shortcut?: Shortcut;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'hearingId must be a hearing id' }) hearingId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'detention must be true or false' }) detention?: boolean;
  @ApiPropertyOptional({ type: SentenceDto }) @IsOptional() @ValidateNested() @Type(() => SentenceDto) sentence?: SentenceDto;
}

export class CreateHearingDto implements CreateHearingRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'defendantId must be a defendant id' }) defendantId?: string;
  @ApiProperty() @IsISO8601({ strict: true }, { message: 'at must be a date and time (ISO 8601)' }) at!: string;
  @IsOption(HEARING_TYPE) type!: HearingType;
  @ApiProperty() @IsString({ message: 'court is required' }) @IsNotEmpty({ message: 'court is required' }) @MaxLength(200) court!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) outcome?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'nextAt must be a date and time (ISO 8601)' }) nextAt?: string;
}

export class CreateAppealDto implements CreateAppealRequest {
  @ApiProperty() @IsUUID('4', { message: 'defendantId must be a defendant id' }) defendantId!: string;
  @ApiProperty() @IsCalendarDate() @NotInFuture() filedOn!: string;
  @IsOption(APPELLANT) appellant!: Appellant;
  @IsOption(APPEAL_DECISION, false) decision?: AppealDecision;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @NotInFuture() decidedOn?: string;
}

export class UpdateAppealDto implements UpdateAppealRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @NotInFuture() filedOn?: string;
  @IsOption(APPELLANT, false) appellant?: Appellant;
  @IsOption(APPEAL_DECISION, false) decision?: AppealDecision;
  /** null clears it (a decision taken back to pending). */
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsCalendarDate() @NotInFuture() decidedOn?: string | null;
}

/** A page of proceedings: limit, cursor, order by date of the noticia criminal. */
export class ProceedingListQueryDto extends ListQueryDto {}
