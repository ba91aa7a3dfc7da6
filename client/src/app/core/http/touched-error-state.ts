import { Injectable, Provider } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';

/**
 * A field shows its error once the user has left it or a refused submission marked it (`FormSubmission` marks every
 * field touched; server field errors do too) — not merely because its `<form>` was submitted once. Material's default
 * also shows errors of a submitted form, so a form used again (the next note) turned red as soon as it was emptied.
 */
@Injectable()
export class TouchedErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null): boolean {
    return !!control && control.invalid && control.touched;
  }
}

/** The app-wide error-state rule for Material form fields. */
export function provideTouchedErrorState(): Provider {
  return { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher };
}
