import { Module } from '@nestjs/common';

/** The assistance area: one module (see README "A new area adds ..."). */
@Module({})
export class AssistanceModule {}
