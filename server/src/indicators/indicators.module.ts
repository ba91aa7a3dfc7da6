import { Module } from '@nestjs/common';

/** The indicators area: one module (see README "A new area adds ..."). */
@Module({})
export class IndicatorsModule {}
