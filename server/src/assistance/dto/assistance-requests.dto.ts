import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  AGE_BAND,
  AgeBand,
  ASSISTANCE_PHASE,
  AssistancePhase,
  AssistancePlanRequest,
  CLOSURE_REASON,
  ClosureDecisionRequest,
  ClosureReason,
  ClosureRequestBody,
  CreateServiceRequest,
  FOLLOW_UP_CHANNEL,
  FOLLOW_UP_OUTCOME,
  FollowUpChannel,
  FollowUpOutcome,
  FollowUpRequest,
  PARTICIPANT_RELATIONS,
  ParticipantRelation,
  ParticipantRequest,
  PhaseExtensionRequest,
  RISK_ASSESSMENT_KIND,
  RISK_LEVEL,
  RISK_THREAT,
  RiskAssessmentKind,
  RiskAssessmentRequest,
  RiskLevel,
  RiskThreat,
  SERVICE_BENEFICIARY,
  SERVICE_CATEGORY,
  SERVICE_STATUS,
  ServiceBeneficiary,
  ServiceCategory,
  ServiceProviderRequest,
  ServiceStatus,
  SEX,
  Sex,
  UpdateServiceRequest,
  WORKLIST_KINDS,
  WorklistKind,
  WORKLIST_SORTS,
  WorklistSort,
} from '@ruta/shared';
import { IsCalendarDate, IsOption, IsOptionList } from '@ruta/platform';

const Version = () => (target: object, key: string) => {
  ApiProperty()(target, key);
  IsInt({ message: 'version is required' })(target, key);
  Min(1)(target, key);
};
const MaxPesos = 10_000_000_000;

export class AssistancePlanDto implements AssistancePlanRequest {
  @ApiProperty() @IsString({ message: 'objectives are required' }) @MaxLength(4000) objectives!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ParticipantDto implements ParticipantRequest {
  @ApiProperty() @IsString({ message: 'fullName is required' }) @Matches(/\S/, { message: 'fullName is required' }) @MaxLength(200) fullName!: string;
  @ApiProperty({ enum: PARTICIPANT_RELATIONS })
  @IsIn([...PARTICIPANT_RELATIONS], { message: `relation must be one of: ${PARTICIPANT_RELATIONS.join(', ')}` })
  relation!: ParticipantRelation;
  @IsOption(SEX) sex!: Sex;
  @IsOption(AGE_BAND, false) ageBand?: AgeBand;
}

export class CreateServiceDto implements CreateServiceRequest {
  @IsOption(ASSISTANCE_PHASE) phase!: AssistancePhase;
  @IsOption(SERVICE_CATEGORY) category!: ServiceCategory;
  @IsOption(SERVICE_BENEFICIARY, false) beneficiary?: ServiceBeneficiary;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'participantId must be a participant id' }) participantId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'providerInstitutionId must be an institution id' }) providerInstitutionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'providerId must be a provider id' }) providerId?: string;
  @ApiProperty() @IsCalendarDate() plannedOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() dueOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'costCop must be whole pesos' }) @Min(0) @Max(MaxPesos) costCop?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'consentId must be a consent id' }) consentId?: string;
}

export class UpdateServiceDto implements UpdateServiceRequest {
  @Version() version!: number;
  @IsOption(SERVICE_STATUS, false) status?: ServiceStatus;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() startedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() deliveredOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() dueOn?: string;
  @ApiPropertyOptional() @IsOptional() @ValidateIf((_o, v) => v !== null) @IsInt({ message: 'costCop must be whole pesos' }) @Min(0) @Max(MaxPesos) costCop?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

export class RiskAssessmentDto implements RiskAssessmentRequest {
  @IsOption(RISK_ASSESSMENT_KIND) kind!: RiskAssessmentKind;
  @IsOption(RISK_LEVEL) level!: RiskLevel;
  @IsOptionList(RISK_THREAT) threats!: RiskThreat[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) measures?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() nextReviewOn?: string;
}

export class FollowUpDto implements FollowUpRequest {
  @ApiProperty() @IsCalendarDate() contactOn!: string;
  @IsOption(FOLLOW_UP_CHANNEL) channel!: FollowUpChannel;
  @IsOption(FOLLOW_UP_OUTCOME) outcome!: FollowUpOutcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() nextOn?: string;
}

export class PhaseExtensionDto implements PhaseExtensionRequest {
  @IsOption(ASSISTANCE_PHASE) phase!: AssistancePhase;
  @ApiProperty() @IsString({ message: 'justification is required' }) @Matches(/\S/, { message: 'justification is required' }) @MaxLength(2000) justification!: string;
  @Version() version!: number;
}

export class ClosureRequestDto implements ClosureRequestBody {
  @IsOption(CLOSURE_REASON) reason!: ClosureReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ClosureDecisionDto implements ClosureDecisionRequest {
  @Version() version!: number;
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject'], { message: 'decision must be approve or reject' }) decision!: 'approve' | 'reject';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class WorklistQueryDto extends PageQueryDto {
  @ApiProperty({ enum: WORKLIST_KINDS }) @IsIn(WORKLIST_KINDS as unknown as string[], { message: `kind must be one of: ${WORKLIST_KINDS.join(', ')}` }) kind!: WorklistKind;
  @ApiPropertyOptional({ enum: WORKLIST_SORTS })
  @IsOptional()
  @IsIn(WORKLIST_SORTS as unknown as string[], { message: `sort must be one of: ${WORKLIST_SORTS.join(', ')}` })
  sort?: WorklistSort;
}

export class ProviderQueryDto {
  @IsOption(SERVICE_CATEGORY, false) category?: ServiceCategory;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}$/, { message: 'department must be a two-digit DIVIPOLA code' }) department?: string;
}

export class ServiceProviderDto implements ServiceProviderRequest {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId?: string;
  @IsOptionList(SERVICE_CATEGORY) categories!: ServiceCategory[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(40) @ArrayUnique() @Matches(/^\d{2}$/, { each: true, message: 'each of departmentCodes must be a two-digit DIVIPOLA code' }) departmentCodes!: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class CountsQueryDto {
  @ApiProperty() @IsCalendarDate() from!: string;
  @ApiProperty() @IsCalendarDate() to!: string;
}
