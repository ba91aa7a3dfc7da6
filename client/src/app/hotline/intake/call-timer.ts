import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/** Minutes and seconds as mm:ss (h:mm:ss past an hour). */
export function elapsedText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The call's running time since `start`, updated every second (announced politely, not every tick). */
@Component({
  selector: 'ruta-call-timer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslatePipe],
  template: `
    <span class="timer" role="timer" [attr.aria-label]="'hotline.intake.timer' | translate" data-testid="call-timer">
      <mat-icon aria-hidden="true" svgIcon="timer" />{{ text() }}
    </span>
  `,
  styles: `.timer { display: inline-flex; align-items: center; gap: 4px; font: var(--mat-sys-title-medium); font-variant-numeric: tabular-nums; }`,
})
export class CallTimer {
  readonly start = input.required<number>();
  private readonly now = signal(Date.now());
  protected readonly text = computed(() => elapsedText(this.now() - this.start()));

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
