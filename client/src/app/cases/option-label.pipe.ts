import { inject, Pipe, PipeTransform } from '@angular/core';
import { Labelled } from '@ruta/shared';
import { LanguageService } from '../core/i18n/language.service';

/**
 * The label of a code from one of the shared closed lists, in the interface language:
 * `{{ c.status | rutaOption: statuses }}`. Unknown or empty codes show as they are (or a dash).
 */
@Pipe({ name: 'rutaOption', pure: false })
export class OptionLabelPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: string | null | undefined, list: Labelled<string>): string {
    if (value === null || value === undefined || value === '') return '—';
    const label = list.labels[value];
    return label ? label[this.language.current()] : value;
  }
}

/** Labels of several codes, joined: `{{ c.purposes | rutaOptions: purposes }}`. */
@Pipe({ name: 'rutaOptions', pure: false })
export class OptionLabelsPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(values: readonly string[] | null | undefined, list: Labelled<string>): string {
    if (!values?.length) return '—';
    const language = this.language.current();
    return values.map((v) => list.labels[v]?.[language] ?? v).join(', ');
  }
}
