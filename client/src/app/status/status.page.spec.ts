import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { StatusPage } from './status.page';

describe('StatusPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(StatusPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }
  const text = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

  it('shows the API online and the database up', async () => {
    const { fixture, el } = await render();
    http.expectOne('/api/health').flush({ status: 'ok', info: { database: { status: 'up' } } });
    await fixture.whenStable();
    expect(text(el, 'health-status')).toBe('ok');
    expect(text(el, 'api-status')).toContain('en línea');
    expect(text(el, 'database-status')).toBe('disponible');
  });

  it('reads the report of a 503 as an API that answers with a failing database', async () => {
    const { fixture, el } = await render();
    http
      .expectOne('/api/health')
      .flush({ status: 'error', error: { database: { status: 'down' } } }, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(text(el, 'health-status')).toBe('error');
    expect(text(el, 'api-status')).toContain('en línea');
    expect(text(el, 'database-status')).toBe('no disponible');
  });

  it('says offline when the API cannot be reached', async () => {
    const { fixture, el } = await render();
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();
    expect(text(el, 'health-status')).toBe('error');
    expect(text(el, 'api-status')).toContain('sin conexión');
  });
});
