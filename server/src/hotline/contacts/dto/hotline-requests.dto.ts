import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  EXPLOITATION_PURPOSE,
  ExploitationPurpose,
  HOTLINE_CALL_TYPE,
  HOTLINE_CALLER_TYPE,
  HOTLINE_CHANNEL,
  HOTLINE_OUTCOME,
  HOTLINE_REPORT_GROUND,
  HOTLINE_STATUS,
  HOTLINE_URGENCY,
  HotlineCallerType,
  HotlineCallType,
  HotlineChannel,
  HotlineContactInput,
  HotlineListQuery,
  HotlineMoveRequest,
  HotlineOutcome,
  HotlineOutcomeRequest,
  HotlineReportGround,
  HotlineStatus,
  HotlineUrgency,
  SCREENING_ACT,
  SCREENING_MEANS,
  ScreeningAct,
  ScreeningMeans,
} from '@ruta/shared';
import { IsOption, IsOptionList, NotInFuture } from '@ruta/platform';

const CASE_CODE = /^RT-\d{4}-\d{6}$/i;

export class CreateHotlineContactDto implements HotlineContactInput {
  @IsOption(HOTLINE_CHANNEL) channel!: HotlineChannel;
  @ApiProperty() @IsISO8601({ strict: true }, { message: 'startedAt must be a date and time' }) @NotInFuture() startedAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'durationSeconds must be a whole number' }) @Min(0) @Max(86_400) durationSeconds?: number;
  @IsOption(HOTLINE_CALLER_TYPE) callerType!: HotlineCallerType;
  @IsOption(HOTLINE_CALL_TYPE) callType!: HotlineCallType;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}$/, { message: 'departmentCode must be a DIVIPOLA department code' }) departmentCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{5}$/, { message: 'municipalityCode must be a DIVIPOLA municipality code' }) municipalityCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' }) countryCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'destinationCountryCode must be an ISO 3166-1 alpha-2 code' }) destinationCountryCode?: string;
  @IsOptionList(EXPLOITATION_PURPOSE) purposes!: ExploitationPurpose[];
  @IsOptionList(SCREENING_ACT) acts!: ScreeningAct[];
  @IsOptionList(SCREENING_MEANS) means!: ScreeningMeans[];
  @IsOption(HOTLINE_URGENCY) urgency!: HotlineUrgency;
  @ApiProperty() @IsBoolean({ message: 'childInvolved must be true or false' }) childInvolved!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) summary?: string;
  @ApiProperty() @IsBoolean({ message: 'consentToAuthorities must be true or false' }) consentToAuthorities!: boolean;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\+?[0-9 ()-]{6,25}$/, { message: 'phone must be a phone number' }) phone?: string;
}

export class HotlineMoveDto implements HotlineMoveRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @IsOption(HOTLINE_STATUS) to!: HotlineStatus;
}

export class HotlineOutcomeDto implements HotlineOutcomeRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @IsOption(HOTLINE_OUTCOME) outcome!: HotlineOutcome;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(CASE_CODE, { message: 'caseCode must look like RT-2026-000123' }) caseCode?: string;
  @IsOption(HOTLINE_REPORT_GROUND, false) ground?: HotlineReportGround;
}

export class HotlineVersionDto {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
}

export class HotlineListQueryDto implements HotlineListQuery {
  @IsOption(HOTLINE_STATUS, false) status?: HotlineStatus;
  @IsOption(HOTLINE_CALL_TYPE, false) callType?: HotlineCallType;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc'], { message: 'direction must be asc or desc' }) direction?: 'asc' | 'desc';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}
