import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { PlacePicker } from './place-picker';

@Component({
  imports: [PlacePicker],
  template: `<ruta-place-picker [department]="department" [municipality]="municipality" testId="p" />`,
})
class Host {
  readonly department = new FormControl('', { nonNullable: true });
  readonly municipality = new FormControl('76001', { nonNullable: true });
}

describe('PlacePicker: one box over municipalities and departments', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideTestI18n('es')] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    http.expectOne('/api/places/departments').flush([
      { code: '76', name: 'Valle del Cauca' },
      { code: '19', name: 'Cauca' },
    ]);
    http.expectOne('/api/places/municipalities').flush([
      { code: '76001', name: 'Santiago de Cali', departmentCode: '76' },
      { code: '76126', name: 'Calima', departmentCode: '76' },
      { code: '19290', name: 'Florencia', departmentCode: '19' },
    ]);
    await fixture.whenStable();
    fixture.detectChanges();
    const input = fixture.nativeElement.querySelector('[data-testid="p-place"]') as HTMLInputElement;
    return { fixture, input, host: fixture.componentInstance };
  }

  function type(input: HTMLInputElement, text: string): void {
    input.focus();
    input.dispatchEvent(new Event('focusin'));
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  function options(): string[] {
    return [...document.querySelectorAll('mat-option')].map((o) => o.getAttribute('data-testid') ?? '');
  }

  it('shows the chosen municipality by name with its department once the places arrive', async () => {
    const { input } = await render();
    expect(input.value).toBe('Santiago de Cali · Valle del Cauca');
  });

  it('offers Santiago de Cali first for "cali", and picking a department clears the municipality', async () => {
    const { fixture, input, host } = await render();
    type(input, 'cali');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(options()).toEqual(['p-place-76001', 'p-place-76126']);
    type(input, 'cauca');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(options()[0]).toBe('p-place-19');
    (document.querySelector('[data-testid="p-place-19"]') as HTMLElement).click();
    fixture.detectChanges();
    expect(host.department.value).toBe('19');
    expect(host.municipality.value).toBe('');
    expect(input.value).toBe('Cauca');
  });

  it('clears the place when the text is emptied, and keeps the choice when the text matches nothing', async () => {
    const { fixture, input, host } = await render();
    type(input, 'zzz');
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(host.municipality.value).toBe('76001');
    expect(input.value).toBe('Santiago de Cali · Valle del Cauca');
    type(input, '');
    input.dispatchEvent(new Event('blur'));
    expect(host.municipality.value).toBe('');
    expect(host.department.value).toBe('');
  });
});
