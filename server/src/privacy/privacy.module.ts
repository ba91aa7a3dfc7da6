import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CasesModule } from '@ruta/cases';
import { CaseEraser } from './erase/case-eraser';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureService } from './erasure/erasure.service';
import { PrivacyController } from './privacy.controller';
import { RetentionJob } from './retention/retention.job';
import { RetentionRepository } from './retention/retention.repository';
import { RetentionService } from './retention/retention.service';

/**
 * Data protection (issue 16, items 4 and 5; Law 1581 of 2012): retention periods, the job that lists what is due,
 * the reviewers' queue, erasure requests with two approvals, the erasure itself (identity out, statistics kept) and
 * its certificate.
 */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [PrivacyController],
  providers: [CaseEraser, RetentionRepository, RetentionService, RetentionJob, ErasureRepository, ErasureService],
})
export class PrivacyModule {}
