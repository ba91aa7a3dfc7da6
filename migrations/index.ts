import { Foundation1764403200000 } from './1764403200000-Foundation';
import { AccessAndAudit1764403300000 } from './1764403300000-AccessAndAudit';
import { Cases1764403400000 } from './1764403400000-Cases';
import { CaseLinkRequests1764403500000 } from './1764403500000-CaseLinkRequests';
import { CaseDrafts1764403600000 } from './1764403600000-CaseDrafts';

/** Every migration, in order. A new migration file is added here too. */
export const MIGRATIONS = [Foundation1764403200000, AccessAndAudit1764403300000, Cases1764403400000, CaseLinkRequests1764403500000, CaseDrafts1764403600000];

export { APP_ROLE, enableRowLevelSecurity, disableRowLevelSecurity, makeAppendOnly } from './rls';
export { parseCsv } from './csv';
