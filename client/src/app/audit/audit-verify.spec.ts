import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuditVerifyResponse } from '@ruta/shared';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { AuditVerify } from './audit-verify';

describe('AuditVerify', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function verify(response: AuditVerifyResponse) {
    const fixture = TestBed.createComponent(AuditVerify);
    const verified: AuditVerifyResponse[] = [];
    fixture.componentInstance.verified.subscribe((r) => verified.push(r));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('[data-testid="audit-verify"]')!.click();
    http.expectOne({ method: 'POST', url: '/api/audit/verify' }).flush(response);
    await fixture.whenStable();
    return { result: el.querySelector('[data-testid="audit-verify-result"]')!, verified };
  }

  it('reports an intact chain that agrees with its anchors, and tells the page', async () => {
    const response: AuditVerifyResponse = { ok: true, checked: 40, unsealed: 1, anchors: { checked: 6, newest: null } };
    const { result, verified } = await verify(response);
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.textContent).toContain('Cadena íntegra: 40 eventos verificados, 1 aún sin sellar.');
    expect(result.textContent).toContain('Coincide con 6 anclas guardadas fuera de la base de datos.');
    expect(verified).toEqual([response]);
  });

  it('names the anchored seal of a chain that was rewritten and re-sealed', async () => {
    const { result } = await verify({
      ok: false,
      checked: 40,
      unsealed: 0,
      anchors: { checked: 6, newest: null, brokenAt: { line: 3, seq: '17', eventId: '20', reason: 'anchor_mismatch' } },
    });
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.textContent).toContain('La cadena no coincide con el ancla del sello n.º 17: el sello ya no tiene el hash anclado');
  });

  it('names a line of the anchor file that this server did not write', async () => {
    const { result } = await verify({
      ok: false,
      checked: 40,
      unsealed: 0,
      anchors: { checked: 5, newest: null, brokenAt: { line: 4, seq: null, eventId: null, reason: 'anchor_invalid' } },
    });
    expect(result.textContent).toContain('La línea 4 del archivo de anclas no es válida: este servidor no la escribió');
  });

  it('says when there are no anchors to compare with yet', async () => {
    const { result } = await verify({ ok: true, checked: 3, unsealed: 0, anchors: { checked: 0, newest: null } });
    expect(result.textContent).toContain('Aún no hay anclas fuera de la base de datos con las que compararla.');
  });
});
