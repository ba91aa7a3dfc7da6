import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import { problemMessage } from './problem';

/** Short messages at the bottom of the screen (polite live region, provided by the snack bar). */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  info(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.translate.instant(key, params), this.translate.instant('common.close'), { duration: 6000 });
  }

  /** A failed action without a form to show it in: the problem's message, translated by code. */
  problem(error: unknown): void {
    const message = problemMessage(error);
    const text = this.translate.instant(message.key) as string;
    const shown = text !== message.key ? text : (message.fallback ?? this.translate.instant('errors.generic'));
    this.snackBar.open(shown, this.translate.instant('common.close'), { duration: 8000 });
  }

  /** An error the page could not handle; the request id lets support find it in the logs. */
  unexpected(requestId: string | null): void {
    const message = requestId
      ? this.translate.instant('errors.unexpectedWithId', { requestId })
      : this.translate.instant('errors.unexpected');
    this.snackBar.open(message, this.translate.instant('common.close'), { duration: 12000, politeness: 'assertive' });
  }
}
