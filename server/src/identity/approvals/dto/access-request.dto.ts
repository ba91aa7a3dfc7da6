import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  ACCESS_CHANGE_REASON_MAX_LENGTH,
  ACCESS_CHANGE_STATUSES,
  AccessChangeListQuery,
  AccessChangeStatus,
  ApproveAccessChangeRequest,
  CancelAccessChangeRequest,
  RefuseAccessChangeRequest,
} from '@ruta/shared';

export class AccessChangeListQueryDto implements AccessChangeListQuery {
  @ApiPropertyOptional({ enum: ACCESS_CHANGE_STATUSES })
  @IsOptional()
  @IsIn(ACCESS_CHANGE_STATUSES as readonly string[], { message: `status must be one of: ${ACCESS_CHANGE_STATUSES.join(', ')}` })
  status?: AccessChangeStatus;
}

export class ApproveAccessChangeDto implements ApproveAccessChangeRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
}

export class CancelAccessChangeDto implements CancelAccessChangeRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
}

export class RefuseAccessChangeDto implements RefuseAccessChangeRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'reason is required' }) @MaxLength(ACCESS_CHANGE_REASON_MAX_LENGTH) reason!: string;
}
