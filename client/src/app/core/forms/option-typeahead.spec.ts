import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideTestI18n } from '../i18n/i18n.testing';
import { OptionTypeahead, TypeaheadOption } from './option-typeahead';

@Component({
  imports: [OptionTypeahead],
  template: `<ruta-option-typeahead [control]="control" [options]="options()" label="cases.municipality" testId="t" />`,
})
class Host {
  readonly control = new FormControl('', { nonNullable: true });
  readonly options = signal<TypeaheadOption[]>([]);
}

describe('OptionTypeahead', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideTestI18n('es')] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('[data-testid="t"]') as HTMLInputElement;
    return { fixture, input, host: fixture.componentInstance };
  }

  function type(input: HTMLInputElement, text: string): void {
    input.focus();
    input.dispatchEvent(new Event('focusin'));
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  it('keeps what is being typed when the options arrive mid-word', async () => {
    const { fixture, input, host } = await render();
    type(input, 'pal');
    fixture.detectChanges();
    host.options.set([{ value: '76520', label: 'Palmira' }]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(input.value).toBe('pal');
    expect(document.querySelector('[data-testid="t-76520"]')).not.toBeNull();
  });

  it('shows the chosen value by its label once the options arrive, and follows a change of labels', async () => {
    const { fixture, input, host } = await render();
    host.control.setValue('76520');
    host.options.set([{ value: '76520', label: 'Palmira' }]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(input.value).toBe('Palmira');
    host.options.set([{ value: '76520', label: 'Palmira (Valle)' }]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(input.value).toBe('Palmira (Valle)');
  });
});
