import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CaseCoreModule } from '../core';
import { ConsentsModule } from '../consents';
import { PlacesModule } from '@ruta/places';
import { UserQuotasModule } from '../quotas';
import { CaseIntakeController } from './case-intake.controller';
import { CaseIntakeService } from './case-intake.service';
import { DuplicatesRepository } from './duplicates.repository';
import { DuplicatesService } from './duplicates.service';

/** Intake (one transaction for the whole case) and duplicate detection across institutions. */
@Module({
  imports: [AuditModule, CaseCoreModule, ConsentsModule, PlacesModule, UserQuotasModule],
  controllers: [CaseIntakeController],
  providers: [CaseIntakeService, DuplicatesService, DuplicatesRepository],
})
export class CaseIntakeModule {}
