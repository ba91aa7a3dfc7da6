import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Matches, Min } from 'class-validator';
import { AcceptLinkRequest, CreateLinkRequest, DeclineLinkRequest, DuplicateMatch, LINK_DECLINE_REASON, LinkDeclineReason } from '@ruta/shared';
import { IsOption } from '@ruta/platform';

const MATCHES: DuplicateMatch[] = ['document', 'name_birth_date'];

export class CreateLinkRequestDto implements CreateLinkRequest {
  @ApiProperty() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId!: string;
  @ApiProperty({ enum: MATCHES }) @IsIn(MATCHES, { message: `matchedOn must be one of: ${MATCHES.join(', ')}` }) matchedOn!: DuplicateMatch;
}

export class AcceptLinkRequestDto implements AcceptLinkRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  /** One of the institution's own matching cases, as the request lists them. */
  @ApiProperty() @Matches(/^RT-\d{4}-\d{6}$/i, { message: 'caseCode must look like RT-2026-000123' }) caseCode!: string;
}

export class DeclineLinkRequestDto implements DeclineLinkRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @IsOption(LINK_DECLINE_REASON) reason!: LinkDeclineReason;
}
