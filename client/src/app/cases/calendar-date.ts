import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Today in Bogotá as `YYYY-MM-DD` (the API refuses later dates, by Colombian time). */
export function todayInColombia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A `YYYY-MM-DD` value after today gets `{ notInFuture: true }` (the API's own code). */
export const notInFuture: ValidatorFn = (control: AbstractControl<string | null>): ValidationErrors | null => {
  const value = control.value;
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > todayInColombia() ? { notInFuture: true } : null;
};
