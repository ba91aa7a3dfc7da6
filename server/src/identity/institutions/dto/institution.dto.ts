import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { CreateInstitutionRequest, INSTITUTION_CODE_PATTERN, INSTITUTION_TYPES, InstitutionType, UpdateInstitutionRequest } from '@ruta/shared';

export class CreateInstitutionDto implements CreateInstitutionRequest {
  @ApiProperty({ example: 'comite-antioquia' })
  @Matches(INSTITUTION_CODE_PATTERN, { message: 'code must be 2-40 lower-case letters, digits or hyphens' })
  code!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: INSTITUTION_TYPES })
  @IsIn(INSTITUTION_TYPES as readonly string[], { message: 'type is not a known institution type' })
  type!: InstitutionType;
}

export class UpdateInstitutionDto implements UpdateInstitutionRequest {
  @ApiProperty() @IsInt({ message: 'version is required' }) @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: INSTITUTION_TYPES })
  @IsOptional()
  @IsIn(INSTITUTION_TYPES as readonly string[], { message: 'type is not a known institution type' })
  type?: InstitutionType;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
