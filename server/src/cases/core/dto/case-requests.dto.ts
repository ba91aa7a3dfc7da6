import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  CASE_DIRECTION,
  CASE_SCOPE,
  CASE_SORTS,
  CASE_SOURCE,
  CASE_STATUS,
  CaseAssignRequest,
  CaseDirection,
  CaseScope,
  CaseSearchRequest,
  CaseSort,
  CaseSource,
  CaseStatus,
  CaseTransitionRequest,
  CLOSE_REASON,
  CloseReason,
  EXPLOITATION_PURPOSE,
  ExploitationPurpose,
  LABOUR_SECTOR,
  LabourSector,
  MEANS_OF_CONTROL,
  MeansOfControl,
  RECRUITER_RELATION,
  RecruiterRelation,
  RECRUITMENT_METHOD,
  RecruitmentMethod,
  SEXUAL_EXPLOITATION_TYPE,
  SexualExploitationType,
  SUSPENSION_REASON,
  SuspensionReason,
  TRAFFICKING_STATUS,
  TraffickingStatus,
  UpdateCaseRequest,
  UpdateVictimRequest,
} from '@ruta/shared';
import { DEPARTMENT_CODE, MUNICIPALITY_CODE, TraffickingEventDto, VictimIdentityDto } from './case-inputs.dto';
import { IsCalendarDate, IsOption, IsOptionList, NotInFuture } from '@ruta/platform';

/** The version of the case the editor had open (optimistic locking). */
const VersionField = () => applyDecorators(ApiProperty(), IsInt({ message: 'version is required' }), Min(1));

/** Edits of the case itself (not of the victim's identity), based on the `version` the editor had. `null` clears an optional field. */
export class UpdateCaseDto implements UpdateCaseRequest {
  @VersionField() version!: number;
  @IsOption(CASE_SOURCE, false) source?: CaseSource;
  @IsOption(CASE_SCOPE, false) scope?: CaseScope;
  @IsOption(CASE_DIRECTION, false) direction?: CaseDirection | null;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @NotInFuture() identifiedOn?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a 2-digit DIVIPOLA code' }) departmentCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @Matches(MUNICIPALITY_CODE, { message: 'municipalityCode must be a 5-digit DIVIPOLA code' }) municipalityCode?: string | null;
  @IsOption(TRAFFICKING_STATUS, false) traffickingStatus?: TraffickingStatus;
  @IsOptionList(EXPLOITATION_PURPOSE, false) purposes?: ExploitationPurpose[];
  @IsOption(LABOUR_SECTOR, false) labourSector?: LabourSector | null;
  @IsOption(SEXUAL_EXPLOITATION_TYPE, false) sexualExploitationType?: SexualExploitationType | null;
  @IsOptionList(MEANS_OF_CONTROL, false) meansOfControl?: MeansOfControl[];
  @IsOption(RECRUITER_RELATION, false) recruiterRelation?: RecruiterRelation | null;
  @IsOption(RECRUITMENT_METHOD, false) recruitmentMethod?: RecruitmentMethod | null;
  /** Replaces every trafficking event of the case. */
  @ApiPropertyOptional({ type: [TraffickingEventDto] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => TraffickingEventDto) events?: TraffickingEventDto[];
}

export class UpdateVictimDto extends PartialType(VictimIdentityDto) implements UpdateVictimRequest {
  @VersionField() version!: number;
}

export class CaseTransitionDto implements CaseTransitionRequest {
  @VersionField() version!: number;
  @IsOption(CASE_STATUS) to!: CaseStatus;
  @IsOption(CLOSE_REASON, false) closeReason?: CloseReason;
  @IsOption(SUSPENSION_REASON, false) suspensionReason?: SuspensionReason;
}

export class CaseAssignDto implements CaseAssignRequest {
  @ApiProperty() @IsUUID('4', { message: 'userId must be a user id' }) userId!: string;
}

/** Filters shared by a search and a saved filter (which never holds a name or a document number). */
export class CaseFiltersDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^RT-\d{4}-\d{6}$/i, { message: 'code must look like RT-2026-000123' }) code?: string;
  @IsOptionList(CASE_STATUS, false) status?: CaseStatus[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('4', { each: true, message: 'institutionId must hold institution ids' }) institutionId?: string[];
  @IsOptionList(EXPLOITATION_PURPOSE, false) purpose?: ExploitationPurpose[];
  @ApiPropertyOptional() @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a 2-digit DIVIPOLA code' }) departmentCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'minor must be true or false' }) minor?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'assignedToMe must be true or false' }) assignedToMe?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() createdFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() createdTo?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() identifiedFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() identifiedTo?: string;
  @ApiPropertyOptional({ enum: CASE_SORTS }) @IsOptional() @IsIn(CASE_SORTS as CaseSort[], { message: `sort must be one of: ${CASE_SORTS.join(', ')}` }) sort?: CaseSort;
}

export class CaseSearchDto extends CaseFiltersDto implements CaseSearchRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Za-z .\-/]{1,40}$/, { message: 'documentNumber may hold letters, digits, spaces, dots, dashes and slashes' }) documentNumber?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor is not valid' }) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(100) limit?: number;
}

