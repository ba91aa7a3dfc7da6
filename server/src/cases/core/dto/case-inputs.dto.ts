import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CASE_DIRECTION,
  CASE_SCOPE,
  CASE_SOURCE,
  CaseBasicsInput,
  CaseDirection,
  CaseScope,
  CaseSituationInput,
  CaseSource,
  DISABILITY,
  Disability,
  DOCUMENT_TYPE,
  DocumentType,
  ETHNICITY,
  Ethnicity,
  EXPLOITATION_PURPOSE,
  ExploitationPurpose,
  GENDER_IDENTITY,
  GenderIdentity,
  LABOUR_SECTOR,
  LabourSector,
  MEANS_OF_CONTROL,
  MeansOfControl,
  MIGRATION_STATUS,
  MigrationStatus,
  RECRUITER_RELATION,
  RecruiterRelation,
  RECRUITMENT_METHOD,
  RecruitmentMethod,
  SCREENING_ACT,
  SCREENING_INDICATOR,
  SCREENING_MEANS,
  SCREENING_RESULT,
  ScreeningAct,
  ScreeningIndicator,
  ScreeningInput,
  ScreeningMeans,
  ScreeningResult,
  SEX,
  Sex,
  SEXUAL_EXPLOITATION_TYPE,
  SexualExploitationType,
  TRAFFICKING_EVENT_KIND,
  TraffickingEventInput,
  TraffickingEventKind,
  VictimIdentityInput,
} from '@ruta/shared';
import { IsCalendarDate, IsOption, IsOptionList, NotInFuture } from '@ruta/platform';

export const DEPARTMENT_CODE = /^\d{2}$/;
export const MUNICIPALITY_CODE = /^\d{5}$/;

export class TraffickingEventDto implements TraffickingEventInput {
  @IsOption(TRAFFICKING_EVENT_KIND) kind!: TraffickingEventKind;
  @ApiProperty() @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' }) countryCode!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a 2-digit DIVIPOLA code' }) departmentCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(MUNICIPALITY_CODE, { message: 'municipalityCode must be a 5-digit DIVIPOLA code' }) municipalityCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString({ message: 'city must be text' }) @MaxLength(120, { message: 'city must be at most 120 characters' }) @Matches(/^[^<>{}\\]*$/u, { message: 'city must not contain markup' }) city?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @NotInFuture() startedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @NotInFuture() endedOn?: string;
}

export class ScreeningDto implements ScreeningInput {
  @ApiProperty() @IsCalendarDate() @NotInFuture() screenedOn!: string;
  @IsOptionList(SCREENING_ACT) acts!: ScreeningAct[];
  /** Recorded for Palermo comparability, never required (188A has no means element). */
  @IsOptionList(SCREENING_MEANS) means!: ScreeningMeans[];
  @IsOptionList(EXPLOITATION_PURPOSE) purposes!: ExploitationPurpose[];
  @IsOptionList(SCREENING_INDICATOR) indicators!: ScreeningIndicator[];
  @IsOption(SCREENING_RESULT) result!: ScreeningResult;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'interviewerUserId must be a user id' }) interviewerUserId?: string;
}

const NAME = /^[^<>{}\\]*$/u;

/** The victim's identity at intake. */
export class VictimIdentityDto implements VictimIdentityInput {
  @ApiProperty() @IsString({ message: 'givenNames is required' }) @IsNotEmpty({ message: 'givenNames is required' }) @MaxLength(200) @Matches(NAME, { message: 'givenNames must not contain markup' }) givenNames!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) @Matches(NAME, { message: 'familyNames must not contain markup' }) familyNames?: string;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(100, { each: true }) aliases?: string[];
  @IsOption(SEX) sex!: Sex;
  @IsOption(GENDER_IDENTITY, false) genderIdentity?: GenderIdentity;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @NotInFuture() birthDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'estimatedAge must be a whole number' }) @Min(0) @Max(110) estimatedAge?: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'nationality must be an ISO 3166-1 alpha-2 code' }) nationality?: string;
  @IsOption(DOCUMENT_TYPE, false) documentType?: DocumentType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) @Matches(/^[0-9A-Za-z .\-/]+$/, { message: 'documentNumber may hold letters, digits, spaces, dots, dashes and slashes' }) documentNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(10) @Matches(/^[a-z]{2,3}$/, { each: true, message: 'languages must be ISO 639 codes' }) languages?: string[];
  @IsOption(ETHNICITY, false) ethnicity?: Ethnicity;
  @IsOption(DISABILITY, false) disability?: Disability;
  @IsOption(MIGRATION_STATUS, false) migrationStatus?: MigrationStatus;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\+?[0-9 ()-]{6,25}$/, { message: 'phone must be a phone number' }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) currentLocation?: string;
  /** The most restricted field: only roles with victim_location:read write it. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) shelterLocation?: string;
}

export class CaseSituationDto implements CaseSituationInput {
  @IsOptionList(EXPLOITATION_PURPOSE) purposes!: ExploitationPurpose[];
  @IsOption(LABOUR_SECTOR, false) labourSector?: LabourSector;
  @IsOption(SEXUAL_EXPLOITATION_TYPE, false) sexualExploitationType?: SexualExploitationType;
  @IsOptionList(MEANS_OF_CONTROL, false) meansOfControl?: MeansOfControl[];
  @IsOption(RECRUITER_RELATION, false) recruiterRelation?: RecruiterRelation;
  @IsOption(RECRUITMENT_METHOD, false) recruitmentMethod?: RecruitmentMethod;
  @ApiPropertyOptional({ type: [TraffickingEventDto] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => TraffickingEventDto) events?: TraffickingEventDto[];
}

export class CaseBasicsDto implements CaseBasicsInput {
  @IsOption(CASE_SOURCE) source!: CaseSource;
  @IsOption(CASE_SCOPE) scope!: CaseScope;
  @IsOption(CASE_DIRECTION, false) direction?: CaseDirection;
  @ApiProperty() @IsCalendarDate() @NotInFuture() identifiedOn!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a 2-digit DIVIPOLA code' }) departmentCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(MUNICIPALITY_CODE, { message: 'municipalityCode must be a 5-digit DIVIPOLA code' }) municipalityCode?: string;
}
