import { Module } from '@nestjs/common';

/** The prosecutions area: one module (see README "A new area adds ..."). */
@Module({})
export class ProsecutionsModule {}
