import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CasesModule } from '@ruta/cases';
import { AssistanceController, CaseAssistanceController } from './assistance.controller';
import { AssistanceRepository } from './assistance.repository';
import { ClosureService } from './closure/closure.service';
import { DirectoryService } from './directory/directory.service';
import { MyDayRepository } from './my-day/my-day.repository';
import { MyDayService } from './my-day/my-day.service';
import { AssistanceService } from './plans/assistance.service';
import { AssistanceCountsService } from './reporting/assistance-counts.service';
import { PhaseOverdueMailer } from './timers/phase-overdue-mailer';
import { PhaseTimers } from './timers/phase-timers';

/**
 * Assistance (Law 985): plans and services on the legal timelines, risk, follow-ups, "my day", closure with approval,
 * the service directory and the reporting counts. It builds on the cases area's per-record check and status machine
 * (through its hooks: phase timers, the closure gate).
 */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [CaseAssistanceController, AssistanceController],
  providers: [AssistanceRepository, AssistanceService, ClosureService, PhaseTimers, PhaseOverdueMailer, MyDayRepository, MyDayService, DirectoryService, AssistanceCountsService],
  exports: [AssistanceCountsService],
})
export class AssistanceModule {}
