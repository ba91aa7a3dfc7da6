import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module';
import { CasesModule } from '../core/cases.module';
import { CaseTimelineController } from './case-timeline.controller';
import { CaseTimelineRepository } from './case-timeline.repository';
import { CaseTimelineService } from './case-timeline.service';

@Module({
  imports: [AuditModule, CasesModule],
  controllers: [CaseTimelineController],
  providers: [CaseTimelineRepository, CaseTimelineService],
})
export class CaseTimelineModule {}
