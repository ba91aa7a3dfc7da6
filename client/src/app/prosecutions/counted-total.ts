import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ListTotal } from '@ruta/shared';
import { LanguageService, LOCALES } from '../core/i18n/language.service';

/** How many records a prosecutions list holds, in the user's locale: "1.234 en total", or "Más de 10.000 en total". */
@Component({
  selector: 'ruta-counted-total',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, TranslatePipe],
  template: `
    @let t = total();
    @let count = t.count | number: '1.0-0' : locales[language.current()];
    {{ (t.more ? 'prosecutions.totalMore' : 'prosecutions.total') | translate: { count } }}
  `,
})
export class CountedTotal {
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  readonly total = input.required<ListTotal>();
}
