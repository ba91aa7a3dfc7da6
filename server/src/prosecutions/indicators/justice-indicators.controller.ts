import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { JusticeIndicators, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { JusticeIndicatorsService } from './justice-indicators.service';

export class IndicatorsQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'year must be a year' }) @Min(1991) @Max(2100) year!: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: 'quarter must be 1 to 4' }) @Min(1) @Max(4) quarter?: number;
}

@ApiTags('prosecutions')
@Controller('prosecution-indicators')
export class JusticeIndicatorsController {
  constructor(private readonly indicators: JusticeIndicatorsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.proceedingsRead)
  get(@CurrentActor() actor: Actor, @Query() query: IndicatorsQueryDto): Promise<JusticeIndicators> {
    return this.indicators.read(actor, query.year, query.quarter);
  }
}
