import { Module } from '@nestjs/common';

/** The hotline area: one module (see README "A new area adds ..."). */
@Module({})
export class HotlineModule {}
