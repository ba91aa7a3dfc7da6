import { CalendarDate } from '../common/calendar-date';
import { Disability, DocumentType, Ethnicity, GenderIdentity, MigrationStatus, Sex } from './victim-options';

export interface VictimIdentityInput {
  givenNames: string;
  familyNames?: string;
  aliases?: string[];
  sex: Sex;
  genderIdentity?: GenderIdentity;
  /** Either a birth date or an estimated age at identification. */
  birthDate?: CalendarDate;
  estimatedAge?: number;
  nationality?: string;
  documentType?: DocumentType;
  documentNumber?: string;
  languages?: string[];
  ethnicity?: Ethnicity;
  disability?: Disability;
  migrationStatus?: MigrationStatus;
  phone?: string;
  email?: string;
  currentLocation?: string;
  /** The most restricted field: only roles with `victim_location:read` write or see it. */
  shelterLocation?: string;
}

export interface VictimView extends Omit<VictimIdentityInput, 'shelterLocation'> {
  familyNames?: string;
  aliases: string[];
  languages: string[];
  /** Present only for roles with `victim_location:read`. */
  shelterLocation?: string | null;
}

/** Identity fields an edit may clear by sending `null` (names and sex stay required). */
type ClearableVictimField = Exclude<keyof VictimIdentityInput, 'givenNames' | 'sex' | 'aliases' | 'languages'>;

/** A PATCH of the identity: absent = unchanged, `null` = cleared. */
export type UpdateVictimRequest = Partial<Pick<VictimIdentityInput, 'givenNames' | 'sex' | 'aliases' | 'languages'>> & {
  [K in ClearableVictimField]?: VictimIdentityInput[K] | null;
} & {
  /** The case version the edit was based on. */
  version: number;
};
