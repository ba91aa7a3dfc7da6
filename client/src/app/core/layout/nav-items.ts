import { Permission } from '@ruta/shared';
import { RutaIcon } from '../icons/icons';

export interface NavItem {
  /** Stable key: `data-testid="nav-<key>"` and the label `nav.<key>`. */
  key: string;
  path: string;
  icon: RutaIcon;
  /** Shown when the user holds one of these; none means every signed-in user. */
  permissions?: Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/inicio', icon: 'home' },
  { key: 'cases', path: '/casos', icon: 'folder_shared', permissions: ['cases:read'] },
  { key: 'linkRequests', path: '/casos/vinculaciones', icon: 'link', permissions: ['cases:update'] },
  { key: 'referrals', path: '/remisiones', icon: 'arrow_forward', permissions: ['referrals:read'] },
  { key: 'notifications', path: '/remisiones/notificaciones', icon: 'notifications', permissions: ['referrals:read'] },
  { key: 'referralReview', path: '/remisiones/panel', icon: 'hub', permissions: ['indicators:read'] },
  { key: 'assistance', path: '/asistencia', icon: 'volunteer_activism', permissions: ['assistance:read'] },
  { key: 'prosecutions', path: '/judicializacion', icon: 'gavel', permissions: ['proceedings:read', 'operations:read'] },
  { key: 'hotline', path: '/linea', icon: 'call', permissions: ['hotline:read'] },
  { key: 'indicators', path: '/indicadores', icon: 'bar_chart', permissions: ['indicators:read'] },
  { key: 'privacy', path: '/proteccion-datos', icon: 'policy', permissions: ['privacy:review'] },
  { key: 'users', path: '/admin/usuarios', icon: 'group', permissions: ['users:manage'] },
  { key: 'institutions', path: '/admin/instituciones', icon: 'account_balance', permissions: ['institutions:manage'] },
  { key: 'referralDeadlines', path: '/admin/plazos-remisiones', icon: 'timer', permissions: ['institutions:manage'] },
  { key: 'serviceDirectory', path: '/admin/directorio-servicios', icon: 'volunteer_activism', permissions: ['institutions:manage'] },
  { key: 'roles', path: '/admin/roles', icon: 'badge', permissions: ['roles:manage'] },
  { key: 'accessRequests', path: '/admin/solicitudes', icon: 'verified', permissions: ['users:manage'] },
  { key: 'audit', path: '/auditoria', icon: 'policy', permissions: ['audit:read'] },
  { key: 'status', path: '/estado', icon: 'monitor_heart' },
];

/**
 * The entry the URL belongs to: the longest entry path that is the URL or one of its parents. `/casos/RT-2026-000001`
 * is Cases, `/casos/vinculaciones` is Link requests only (a plain prefix rule would light both).
 */
export function activeNavKey(url: string, items: readonly NavItem[]): string | null {
  const path = url.split(/[?#;]/)[0];
  const within = items.filter((item) => path === item.path || path.startsWith(`${item.path}/`));
  return within.reduce<NavItem | null>((best, item) => (!best || item.path.length > best.path.length ? item : best), null)?.key ?? null;
}
