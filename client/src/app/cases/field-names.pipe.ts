import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { LanguageService } from '../core/i18n/language.service';

/**
 * The names of case fields as the API gives them (`status`, `victim.aliases`, `events`) in the user's words
 * ("estado, alias, lugares y fechas"). A field without a label reads "otro dato", never its code.
 */
export function caseFieldNames(fields: readonly string[], translate: TranslateService): string {
  return fields
    .map((field) => {
      const key = `caseFields.${field.replace(/^victim\./, '')}`;
      const label = translate.instant(key) as string;
      return label === key ? (translate.instant('caseFields.other') as string) : label;
    })
    .filter((label, i, all) => all.indexOf(label) === i)
    .join(', ');
}

/** `{{ fields | rutaFieldNames }}`: see caseFieldNames. */
@Pipe({ name: 'rutaFieldNames', pure: false })
export class FieldNamesPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  transform(fields: readonly string[] | null | undefined): string {
    this.language.current();
    return fields?.length ? caseFieldNames(fields, this.translate) : '';
  }
}
