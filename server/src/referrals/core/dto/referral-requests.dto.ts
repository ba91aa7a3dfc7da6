import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  CreateReferralRequest,
  REFERRAL_OVERRIDE_GROUND,
  REFERRAL_PURPOSE,
  REFERRAL_SECTION,
  REFERRAL_SORTS,
  REFERRAL_STATUS,
  REFERRAL_URGENCY,
  ReferralBox,
  ReferralDeadlinesUpdate,
  ReferralListQuery,
  ReferralMoveBody,
  ReferralOverrideGround,
  ReferralOverrideInput,
  ReferralPurpose,
  ReferralSection,
  ReferralSort,
  ReferralStatus,
  ReferralUrgency,
} from '@ruta/shared';
import { IsOption, IsOptionList } from '@ruta/platform';

const CASE_CODE = /^RT-\d{4}-\d{6}$/i;
const toBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ReferralOverrideDto implements ReferralOverrideInput {
  @IsOption(REFERRAL_OVERRIDE_GROUND) ground!: ReferralOverrideGround;
  @ApiProperty() @IsString({ message: 'justification is required' }) @IsNotEmpty({ message: 'justification is required' }) @MaxLength(2000) justification!: string;
}

export class CreateReferralDto implements CreateReferralRequest {
  @ApiProperty() @Matches(CASE_CODE, { message: 'caseCode must look like RT-2026-000123' }) caseCode!: string;
  @ApiProperty() @IsUUID('4', { message: 'toInstitutionId must be an institution id' }) toInstitutionId!: string;
  @IsOption(REFERRAL_PURPOSE) purpose!: ReferralPurpose;
  @IsOption(REFERRAL_URGENCY) urgency!: ReferralUrgency;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) message?: string;
  @IsOptionList(REFERRAL_SECTION) sections!: ReferralSection[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('4', { each: true, message: 'each of documentIds must be a document id' }) documentIds?: string[];
  @ApiPropertyOptional({ type: ReferralOverrideDto }) @IsOptional() @ValidateNested() @Type(() => ReferralOverrideDto) override?: ReferralOverrideDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'send must be true or false' }) send?: boolean;
}

/** The live check of the refer dialog: the same gate as sending, without sending. */
export class ReferralConsentCheckDto {
  @ApiProperty() @Matches(CASE_CODE, { message: 'caseCode must look like RT-2026-000123' }) caseCode!: string;
  @ApiProperty() @IsUUID('4', { message: 'toInstitutionId must be an institution id' }) toInstitutionId!: string;
  @IsOptionList(REFERRAL_SECTION) sections!: ReferralSection[];
}

export class ReferralMoveDto implements ReferralMoveBody {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @IsOption(REFERRAL_STATUS) to!: ReferralStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'assigneeId must be a user id' }) assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) outcome?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class ReferralListQueryDto implements ReferralListQuery {
  @ApiProperty({ enum: ['inbox', 'outbox', 'all'] }) @IsIn(['inbox', 'outbox', 'all'], { message: 'box must be one of: inbox, outbox, all' }) box!: ReferralBox;
  @IsOption(REFERRAL_STATUS, false) status?: ReferralStatus;
  @IsOption(REFERRAL_URGENCY, false) urgency?: ReferralUrgency;
  @IsOption(REFERRAL_PURPOSE, false) purpose?: ReferralPurpose;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId?: string;
  @ApiPropertyOptional() @IsOptional() @toBoolean() @IsBoolean({ message: 'overdue must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @toBoolean() @IsBoolean({ message: 'override must be true or false' }) override?: boolean;
  @ApiPropertyOptional({ enum: REFERRAL_SORTS }) @IsOptional() @IsIn(REFERRAL_SORTS as unknown as string[], { message: `sort must be one of: ${REFERRAL_SORTS.join(', ')}` }) sort?: ReferralSort;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc'], { message: 'direction must be asc or desc' }) direction?: 'asc' | 'desc';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

const HOURS = { message: 'hours must be a whole number from 1 to 2160 (90 days)' };

export class ReferralDeadlinesDto implements ReferralDeadlinesUpdate {
  @ApiProperty() @IsInt(HOURS) @Min(1, HOURS) @Max(2160, HOURS) emergency!: number;
  @ApiProperty() @IsInt(HOURS) @Min(1, HOURS) @Max(2160, HOURS) urgent!: number;
  @ApiProperty() @IsInt(HOURS) @Min(1, HOURS) @Max(2160, HOURS) routine!: number;
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
}

export class NotificationListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class DisclosurePdfQueryDto {
  @ApiPropertyOptional({ enum: ['es', 'en'] }) @IsOptional() @IsIn(['es', 'en'], { message: 'lang must be es or en' }) lang?: 'es' | 'en';
}
