import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Max, Min } from 'class-validator';
import { CASE_DRAFT_LAST_STEP, SaveCaseDraftRequest } from '@ruta/shared';

/** The wizard's value is opaque here (it is sealed, not read); its size is checked by the service. */
export class SaveCaseDraftDto implements SaveCaseDraftRequest {
  @ApiProperty({ minimum: 0, maximum: CASE_DRAFT_LAST_STEP }) @IsInt({ message: 'step must be a whole number' }) @Min(0) @Max(CASE_DRAFT_LAST_STEP) step!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject({ message: 'value must be an object' }) value!: Record<string, unknown>;
}
