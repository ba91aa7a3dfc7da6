import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { CONSENT_GRANTED_BY, CONSENT_METHOD, CONSENT_PURPOSE, ConsentGrantedBy, ConsentInput, ConsentMethod, ConsentPurpose } from '@ruta/shared';
import { IsOption, NotInFuture } from '@ruta/platform';

export class ConsentDto implements ConsentInput {
  @IsOption(CONSENT_PURPOSE) purpose!: ConsentPurpose;
  /** Required for `sharing`: the named institution. */
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId?: string;
  @IsOption(CONSENT_GRANTED_BY) grantedBy!: ConsentGrantedBy;
  @IsOption(CONSENT_METHOD) method!: ConsentMethod;
  @ApiProperty() @IsISO8601({ strict: true }, { message: 'grantedAt must be a date or an ISO 8601 instant' }) @NotInFuture() grantedAt!: string;
}
