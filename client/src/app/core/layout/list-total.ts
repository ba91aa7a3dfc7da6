import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ListTotal } from '@ruta/shared';
import { LanguageService, LOCALES } from '../i18n/language.service';

/** The keys a list's total reads in its area's dictionary, each with {{count}}: one item, several, "more than". */
export interface ListTotalNouns {
  one: string;
  other: string;
  more: string;
}

/** How many items a list holds, in the user's locale: "42 casos", "1.234 en total", "Más de 10.000 en total". */
@Component({
  selector: 'ruta-list-total',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, TranslatePipe],
  template: `
    @let t = total();
    @let count = t.count | number: '1.0-0' : locales[language.current()];
    {{ (t.more ? nouns().more : t.count === 1 ? nouns().one : nouns().other) | translate: { count } }}
  `,
})
export class ListTotalText {
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  readonly total = input.required<ListTotal>();
  readonly nouns = input.required<ListTotalNouns>();
}
