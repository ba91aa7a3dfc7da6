import { MeResponse } from '@ruta/shared';

/**
 * The parts of a role's work that Ruta does not do yet. A role that depends on one gets a plain sentence on its home
 * instead of case counts that can only be zero. When the area lands, its entry goes and its home cards come with it.
 */
export const COMING_WORK: Readonly<Record<string, (me: MeResponse) => boolean>> = {};

/** Partner institutions (the `referred` scope) work on the referrals received: their home shows those. */
export function worksOnReferrals(me: MeResponse): boolean {
  return me.role.scope === 'referred';
}

export type ComingWork = string;

export function comingWork(me: MeResponse): ComingWork[] {
  return (Object.keys(COMING_WORK) as ComingWork[]).filter((key) => COMING_WORK[key](me));
}

/**
 * Whether "assigned to me" means something for the user: roles that work on cases (update them) or whose scope is the
 * cases assigned to them. A coordinator or a partner is never assigned a case, so the count would always be 0.
 */
export function canBeAssigned(me: MeResponse): boolean {
  return me.role.scope === 'assigned' || me.permissions.includes('cases:update');
}
