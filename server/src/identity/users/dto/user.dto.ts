import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CreateUserRequest, NAME_MAX_LENGTH, UpdateUserRequest } from '@ruta/shared';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(NAME_MAX_LENGTH) name!: string;
  @ApiProperty() @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email!: string;
  @ApiProperty() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId!: string;
  @ApiProperty() @IsUUID('4', { message: 'roleId must be a role id' }) roleId!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'roleId must be a role id' }) roleId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UserListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'institutionId must be an institution id' }) institutionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor is not valid' }) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(100) limit?: number;
}
