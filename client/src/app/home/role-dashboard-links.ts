import { DashboardKind, Permission, RoleDashboard } from '@ruta/shared';

/** Where a dashboard figure leads: the filtered list behind it, and the permission that list needs. */
export interface FigureLink {
  path: string;
  query?: Record<string, string>;
  permission: Permission;
}

const WORKLIST = (kind: string): FigureLink => ({ path: `/asistencia/lista/${kind}`, permission: 'assistance:read' });

/**
 * The list behind each figure of each dashboard. The coordinator's open the justice indicators, the hotline or the
 * indicators dashboard; the caseworker's figures open the assistance worklists of the same
 * definition (same total); the investigator's cases open the cases identified in the period; operations, proceedings and
 * the hotline open their areas. Only codes and dates travel in a link, never personal data.
 */
export function figureLink(kind: DashboardKind, key: string, dashboard: Pick<RoleDashboard, 'from' | 'to'>): FigureLink | null {
  switch (kind) {
    case 'coordinator':
      if (key === 'convicted') return { path: '/judicializacion/indicadores', permission: 'proceedings:read' };
      if (key === 'hotline_contacts') return { path: '/linea', permission: 'hotline:read' };
      return { path: '/indicadores', permission: 'indicators:read' };
    case 'caseworker':
      return ['follow_ups_overdue', 'follow_ups_due', 'phase_immediate', 'phase_medium_term', 'phase_follow_up'].includes(key) ? WORKLIST(key) : null;
    case 'investigator':
      if (key === 'cases_identified') return { path: '/inicio/casos', query: { from: dashboard.from, to: dashboard.to }, permission: 'cases:read' };
      return { path: '/judicializacion', permission: 'proceedings:read' };
    case 'prosecutor':
      return { path: '/judicializacion/indicadores', permission: 'proceedings:read' };
    case 'hotline':
      return { path: '/linea', permission: 'hotline:read' };
  }
}
