import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DEFENDANT_MAIN_PATH, DEFENDANT_STAGE, DefendantStage } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';

/** The Law 906 path as a stepper: stages passed, the current one (or the exit it took), those ahead. */
@Component({
  selector: 'ruta-stage-stepper',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OptionLabelPipe],
  template: `
    <ol class="stepper" [attr.aria-label]="label()">
      @for (s of steps(); track s.stage) {
        <li [class]="s.state" [attr.aria-current]="s.state === 'current' ? 'step' : null">{{ s.stage | rutaOption: stages }}</li>
      }
    </ol>
  `,
  styles: `
    .stepper { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 8px 0; }
    li { padding: 2px 8px; border-radius: 12px; border: 1px solid var(--mat-sys-outline-variant); font: var(--mat-sys-label-medium); }
    li.done { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    li.current { background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); font-weight: 600; }
    li.ahead { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class StageStepper {
  readonly stage = input.required<DefendantStage>();
  /** Stages this defendant went through (its history). */
  readonly passed = input<DefendantStage[]>([]);
  readonly label = input('');
  protected readonly stages = DEFENDANT_STAGE;
  protected readonly steps = computed(() => {
    const current = this.stage();
    const passed = new Set(this.passed());
    const path: DefendantStage[] = DEFENDANT_MAIN_PATH.includes(current) ? [...DEFENDANT_MAIN_PATH] : [...DEFENDANT_MAIN_PATH.filter((s) => passed.has(s)), current];
    if (current === 'sentencia_absolutoria') path.splice(path.indexOf('sentencia_condenatoria'), 1, 'sentencia_absolutoria');
    const at = path.indexOf(current);
    return path.map((stage, i) => ({ stage, state: i === at ? 'current' : i < at ? (passed.has(stage) ? 'done' : 'skipped ahead') : 'ahead' }));
  });
}
