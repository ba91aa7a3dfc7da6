import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Language, TimelineEntry } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { rawValuesIn } from '../../core/i18n/readable-values.testing';
import { TimelineTab } from './timeline-tab';

const ENTRIES: TimelineEntry[] = [
  { at: '2026-03-04T10:00:00Z', kind: 'audit', action: 'update', actor: { id: 'u-1', name: 'Ana' }, details: { section: 'victim', fields: ['victim.aliases', 'victim.birthDate', 'victim.somethingNew'], masked: true } },
  { at: '2026-03-03T10:00:00Z', kind: 'audit', action: 'read', actor: { id: 'u-1', name: 'Ana' }, details: { section: 'timeline', count: 3 } },
  { at: '2026-03-02T10:00:00Z', kind: 'note', action: 'created', actor: { id: 'u-1', name: 'Ana' }, details: { note: 'n-1', restricted: false } },
  { at: '2026-03-02T09:00:00Z', kind: 'document', action: 'created', actor: null, details: { document: 'd-1', kind: 'identity', contentType: 'application/pdf' } },
  { at: '2026-03-01T10:00:00Z', kind: 'status', action: 'received>closed', actor: { id: 'u-1', name: 'Ana' }, details: { from: 'received', to: 'closed', reason: 'duplicate' } },
];

describe('TimelineTab', () => {
  async function render(language: Language) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n(language)] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TimelineTab);
    fixture.componentRef.setInput('code', 'RT-2026-000001');
    await fixture.whenStable();
    http.expectOne('/api/cases/RT-2026-000001/timeline').flush(ENTRIES);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const texts = [...el.querySelectorAll('[data-testid="timeline-entry"]')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
    return { el, texts };
  }

  it('tells each entry in grammatical Spanish with field names, never codes', async () => {
    const { el, texts } = await render('es');
    expect(texts[0]).toContain('Modificación de la identidad de la víctima');
    expect(texts[0]).toContain('Campos: alias, fecha de nacimiento, otro dato');
    expect(texts[1]).toContain('Consulta del historial');
    expect(texts[2]).toContain('Nota agregada');
    expect(texts[3]).toContain('Documento agregado');
    expect(texts[4]).toContain('Cambio de estado: Recibido → Cerrado');
    const all = texts.join(' | ');
    expect(all).not.toMatch(/victim\.|somethingNew|Nota agregado|received|closed|duplicate\b/);
    expect(rawValuesIn(el, 'li')).toEqual([]);
  });

  it('tells them in English too', async () => {
    const { texts } = await render('en');
    expect(texts[0]).toContain("Fields: aliases, birth date, another detail");
    expect(texts[2]).toContain('Note added');
    expect(texts[4]).toContain('Status change:');
  });
});
