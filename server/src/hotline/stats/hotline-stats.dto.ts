import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { HotlineStatsPeriod } from '@ruta/shared';

export class HotlineStatsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'from must be a date' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'to must be a date' }) to?: string;
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'] }) @IsOptional() @IsIn(['day', 'week', 'month'], { message: 'period must be day, week or month' }) period?: HotlineStatsPeriod;
}
