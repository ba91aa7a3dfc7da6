import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CasesModule } from '@ruta/cases';
import { LinkGraphController } from './graph/link-graph.controller';
import { LinkGraphRepository } from './graph/link-graph.repository';
import { LinkGraphService } from './graph/link-graph.service';
import { JusticeIndicatorsController } from './indicators/justice-indicators.controller';
import { JusticeIndicatorsRepository } from './indicators/justice-indicators.repository';
import { JusticeIndicatorsService } from './indicators/justice-indicators.service';
import { OperationsController } from './operations/operations.controller';
import { OperationsRepository } from './operations/operations.repository';
import { OperationsService } from './operations/operations.service';
import { DefendantsService } from './proceedings/defendants.service';
import { CaseProceedingsController, ProceedingsController } from './proceedings/proceedings.controller';
import { ProceedingsRepository } from './proceedings/proceedings.repository';
import { ProceedingsService } from './proceedings/proceedings.service';
import { TraffickersController } from './traffickers/traffickers.controller';
import { TraffickersRepository } from './traffickers/traffickers.repository';
import { TraffickersService } from './traffickers/traffickers.service';

/**
 * Investigations and prosecutions: operations, alleged traffickers, criminal proceedings with per-defendant Law 906
 * stages, hearings and appeals, the justice indicators (exported for the indicators area) and the link chart.
 */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [OperationsController, TraffickersController, ProceedingsController, CaseProceedingsController, JusticeIndicatorsController, LinkGraphController],
  providers: [
    OperationsRepository,
    OperationsService,
    TraffickersRepository,
    TraffickersService,
    ProceedingsRepository,
    ProceedingsService,
    DefendantsService,
    JusticeIndicatorsRepository,
    JusticeIndicatorsService,
    LinkGraphRepository,
    LinkGraphService,
  ],
  exports: [JusticeIndicatorsService],
})
export class ProsecutionsModule {}
