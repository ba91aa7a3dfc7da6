import { figureLink } from './role-dashboard-links';

describe('figureLink', () => {
  const period = { from: '2025-01-01', to: '2025-12-02' };

  it('opens the assistance worklist of the same definition for each of the caseworker’s figures', () => {
    expect(figureLink('caseworker', 'follow_ups_overdue', period)).toEqual({ path: '/asistencia/lista/follow_ups_overdue', permission: 'assistance:read' });
    expect(figureLink('caseworker', 'phase_medium_term', period)?.path).toBe('/asistencia/lista/phase_medium_term');
    expect(figureLink('caseworker', 'something_else', period)).toBeNull();
  });

  it('opens the cases identified in the dashboard’s period for the investigator, with dates only', () => {
    expect(figureLink('investigator', 'cases_identified', period)).toEqual({ path: '/inicio/casos', query: { from: '2025-01-01', to: '2025-12-02' }, permission: 'cases:read' });
    expect(figureLink('investigator', 'operations', period)).toEqual({ path: '/judicializacion', permission: 'proceedings:read' });
  });

  it('opens the justice indicators, the hotline or the indicators for the coordinator', () => {
    expect(figureLink('coordinator', 'convicted', period)?.path).toBe('/judicializacion/indicadores');
    expect(figureLink('coordinator', 'hotline_contacts', period)).toEqual({ path: '/linea', permission: 'hotline:read' });
    expect(figureLink('coordinator', 'victims_assisted', period)).toEqual({ path: '/indicadores', permission: 'indicators:read' });
  });

  it('opens the justice indicators for the prosecutor and the hotline for its operators', () => {
    expect(figureLink('prosecutor', 'convicted', period)?.path).toBe('/judicializacion/indicadores');
    expect(figureLink('hotline', 'contacts', period)).toEqual({ path: '/linea', permission: 'hotline:read' });
  });
});
