import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { ALL_PERMISSIONS, CreateRoleRequest, Permission, RECORD_SCOPES, RecordScope, ROLE_CODE_PATTERN, UpdateRoleRequest } from '@ruta/shared';

const PERMISSION_MESSAGE = 'permissions must be known resource:action names';

export class CreateRoleDto implements CreateRoleRequest {
  @ApiProperty() @Matches(ROLE_CODE_PATTERN, { message: 'code must be 2-40 lower-case letters, digits, - or _' }) code!: string;
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'nameEs is required' }) @MaxLength(120) nameEs!: string;
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'nameEn is required' }) @MaxLength(120) nameEn!: string;
  @ApiProperty({ enum: RECORD_SCOPES }) @IsIn(RECORD_SCOPES as readonly string[], { message: 'scope is not a known record scope' }) scope!: RecordScope;
  @ApiProperty() @IsBoolean() requiresMfa!: boolean;
  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ALL_PERMISSIONS as readonly string[], { each: true, message: PERMISSION_MESSAGE })
  permissions!: Permission[];
}

export class UpdateRoleDto implements UpdateRoleRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) nameEs?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) nameEn?: string;
  @ApiPropertyOptional({ enum: RECORD_SCOPES })
  @IsOptional()
  @IsIn(RECORD_SCOPES as readonly string[], { message: 'scope is not a known record scope' })
  scope?: RecordScope;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() requiresMfa?: boolean;
  @ApiPropertyOptional({ enum: ALL_PERMISSIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALL_PERMISSIONS as readonly string[], { each: true, message: PERMISSION_MESSAGE })
  permissions?: Permission[];
}
