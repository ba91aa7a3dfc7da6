import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The case detail's assistance tab: what this area holds about one case (filled in by the assistance area). */
@Component({
  selector: 'ruta-case-assistance-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: ``,
})
export class CaseAssistanceTab {
  /** The case code (the route carries codes, never names). */
  readonly code = input.required<string>();
}
