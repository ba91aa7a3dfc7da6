import { afterNextRender, DestroyRef, Directive, ElementRef, inject, Injector } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatStepper } from '@angular/material/stepper';

/**
 * On every step change of a Material stepper (Next, Back, a click on a step, a resumed draft), moves focus to the
 * header of the step now shown, so keyboard and screen reader users start there instead of on `<body>` (the button
 * they pressed belongs to the step that was just hidden). Import it wherever a `mat-stepper` is used.
 */
@Directive({ selector: 'mat-stepper' })
export class StepFocus {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    inject(MatStepper)
      .selectionChange.pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(({ selectedIndex }) => afterNextRender({ read: () => this.focusHeader(selectedIndex) }, { injector: this.injector }));
  }

  private focusHeader(index: number): void {
    const header = this.host.nativeElement.querySelectorAll<HTMLElement>('.mat-step-header')[index];
    header?.focus();
  }
}
