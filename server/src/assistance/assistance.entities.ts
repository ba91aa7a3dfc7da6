import { ClosureRequestEntity } from './closure/closure-request.entity';
import { ServiceProviderEntity } from './directory/service-provider.entity';
import { AssistanceAlertEntity } from './my-day/assistance-alert.entity';
import { AssistanceParticipantEntity } from './plans/assistance-participant.entity';
import { AssistancePlanEntity } from './plans/assistance-plan.entity';
import { AssistanceServiceEntity } from './plans/assistance-service.entity';
import { FollowUpEntity } from './risk/follow-up.entity';
import { RiskAssessmentEntity } from './risk/risk-assessment.entity';
import { PhaseTimerEntity } from './timers/phase-timer.entity';

// The area's TypeORM entities, gathered by server/src/entities.ts.
export const ASSISTANCE_ENTITIES: (new () => object)[] = [
  ServiceProviderEntity,
  AssistancePlanEntity,
  AssistanceParticipantEntity,
  AssistanceServiceEntity,
  PhaseTimerEntity,
  RiskAssessmentEntity,
  FollowUpEntity,
  ClosureRequestEntity,
  AssistanceAlertEntity,
];
