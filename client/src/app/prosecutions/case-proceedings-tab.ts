import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The case detail's prosecutions tab: what this area holds about one case (filled in by the prosecutions area). */
@Component({
  selector: 'ruta-case-proceedings-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: ``,
})
export class CaseProceedingsTab {
  /** The case code (the route carries codes, never names). */
  readonly code = input.required<string>();
}
