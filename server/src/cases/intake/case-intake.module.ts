import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module';
import { CasesModule } from '../core/cases.module';
import { ConsentsModule } from '../consents/consents.module';
import { PlacesModule } from '../../places/places.module';
import { CaseIntakeController } from './case-intake.controller';
import { CaseIntakeService } from './case-intake.service';
import { DuplicatesRepository } from './duplicates.repository';
import { DuplicatesService } from './duplicates.service';

/** Intake (one transaction for the whole case) and duplicate detection across institutions. */
@Module({
  imports: [AuditModule, CasesModule, ConsentsModule, PlacesModule],
  controllers: [CaseIntakeController],
  providers: [CaseIntakeService, DuplicatesService, DuplicatesRepository],
})
export class CaseIntakeModule {}
