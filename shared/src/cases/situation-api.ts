import { CalendarDate } from '../common/calendar-date';
import { PlaceInput } from '../common/places';
import {
  ExploitationPurpose,
  LabourSector,
  MeansOfControl,
  RecruiterRelation,
  RecruitmentMethod,
  SexualExploitationType,
  TraffickingEventKind,
} from './situation-options';

export interface TraffickingEventInput extends PlaceInput {
  kind: TraffickingEventKind;
  startedOn?: CalendarDate;
  endedOn?: CalendarDate;
}

export interface TraffickingEventView extends TraffickingEventInput {
  id: string;
  departmentName: string | null;
  municipalityName: string | null;
}

export interface CaseSituationInput {
  purposes: ExploitationPurpose[];
  labourSector?: LabourSector;
  sexualExploitationType?: SexualExploitationType;
  meansOfControl?: MeansOfControl[];
  recruiterRelation?: RecruiterRelation;
  recruitmentMethod?: RecruitmentMethod;
  events?: TraffickingEventInput[];
}
