import { activeNavKey, NAV_ITEMS } from './nav-items';

describe('activeNavKey', () => {
  it('lights only Link requests on the link requests page, not Cases too', () => {
    expect(activeNavKey('/casos/vinculaciones', NAV_ITEMS)).toBe('linkRequests');
  });

  it('lights Cases on the list, a case detail and the intake, with or without a query', () => {
    expect(activeNavKey('/casos', NAV_ITEMS)).toBe('cases');
    expect(activeNavKey('/casos/RT-2026-000001', NAV_ITEMS)).toBe('cases');
    expect(activeNavKey('/casos/nuevo', NAV_ITEMS)).toBe('cases');
    expect(activeNavKey('/casos?estado=open#x', NAV_ITEMS)).toBe('cases');
  });

  it('lights nothing for a page outside the navigation, and no entry for a path that only starts alike', () => {
    expect(activeNavKey('/perfil', NAV_ITEMS)).toBeNull();
    expect(activeNavKey('/casosx', NAV_ITEMS)).toBeNull();
  });
});
