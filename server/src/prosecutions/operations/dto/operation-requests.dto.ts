import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CreateOperationRequest, LIST_ORDER, ListOrder, LinkOperationTraffickerRequest, OPERATION_TYPE, OperationType } from '@ruta/shared';
import { IsCalendarDate, IsOption, NotInFuture } from '@ruta/platform';

export const CASE_CODE = /^RT-\d{4}-\d{6}$/i;
export const DIVIPOLA_MUNICIPALITY = /^\d{5}$/;

export class CreateOperationDto implements CreateOperationRequest {
  @ApiProperty() @IsString({ message: 'name is required' }) @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name!: string;
  @ApiProperty() @IsCalendarDate() @NotInFuture() occurredOn!: string;
  @ApiProperty() @Matches(DIVIPOLA_MUNICIPALITY, { message: 'municipalityCode must be a 5-digit DIVIPOLA code' }) municipalityCode!: string;
  @IsOption(OPERATION_TYPE) type!: OperationType;
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'arrests must be a whole number' }) @Min(0) @Max(10000) arrests!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(CASE_CODE, { each: true, message: 'each of caseCodes must look like RT-2026-000123' })
  caseCodes?: string[];
}

export class ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ enum: LIST_ORDER.values }) @IsOptional() @IsIn(LIST_ORDER.values, { message: 'order must be asc or desc' }) order?: ListOrder;
}

export class LinkOperationTraffickerDto implements LinkOperationTraffickerRequest {
  @ApiProperty() @IsUUID('4', { message: 'traffickerId must be an alleged trafficker id' }) traffickerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'arrested must be true or false' }) arrested?: boolean;
}
