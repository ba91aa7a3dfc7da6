import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CaseCoreModule } from '../core';
import { CaseTimelineController } from './case-timeline.controller';
import { CaseTimelineRepository } from './case-timeline.repository';
import { CaseTimelineService } from './case-timeline.service';

@Module({
  imports: [AuditModule, CaseCoreModule],
  controllers: [CaseTimelineController],
  providers: [CaseTimelineRepository, CaseTimelineService],
})
export class CaseTimelineModule {}
