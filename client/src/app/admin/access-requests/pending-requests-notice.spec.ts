import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AccessChangeRequestView } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { PendingRequestsNotice } from './pending-requests-notice';

describe('PendingRequestsNotice', () => {
  it('says how many access changes wait for approval and links to them, and says nothing when none do', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestI18n('es')] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PendingRequestsNotice);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/access-requests' && r.params.get('status') === 'pending').flush([{ id: 'a' }, { id: 'b' }] as AccessChangeRequestView[]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Cambios de acceso pendientes de aprobación: 2.');
    expect(el.querySelector('a')!.getAttribute('href')).toBe('/admin/solicitudes');

    fixture.componentInstance.reload();
    http.expectOne((r) => r.url === '/api/access-requests').flush([]);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="pending-requests-notice"]')).toBeNull();
    http.verify();
  });
});
