import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { AccessChangeDecision, AccessChangeRequestView, AccessChangeStatus } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { TemporaryPasswordDialog } from '../users/temporary-password.dialog';
import { AccessRequestCard } from './access-request-card';
import { AccessRequestsApi } from './access-requests.api';

const NOTICES: Record<AccessChangeStatus, string> = {
  pending: 'accessRequests.filed',
  approved: 'accessRequests.approved',
  refused: 'accessRequests.refused',
  cancelled: 'accessRequests.cancelled',
};

/** `/admin/solicitudes`: changes of access waiting for a second administrator (four eyes), pending first. */
@Component({
  selector: 'ruta-access-requests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatButtonToggleModule, TranslatePipe, FormError, AccessRequestCard],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'accessRequests.title' | translate }}</h1>
        <button mat-stroked-button type="button" (click)="load()" data-testid="access-requests-refresh">{{ 'common.refresh' | translate }}</button>
      </div>
      <p class="muted">{{ 'accessRequests.intro' | translate }}</p>
      <mat-button-toggle-group [value]="filter()" (change)="show($event.value)" [attr.aria-label]="'accessRequests.filter' | translate">
        <mat-button-toggle value="pending" data-testid="access-requests-pending">{{ 'accessRequests.pendingOnly' | translate }}</mat-button-toggle>
        <mat-button-toggle value="all" data-testid="access-requests-all">{{ 'accessRequests.all' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
      <ruta-form-error [message]="error()" />
      <div class="stack" data-testid="access-requests" [attr.data-loaded]="loaded()">
        @for (request of requests(); track request.id) {
          <ruta-access-request-card [request]="request" (decided)="decided($event)" />
        } @empty {
          @if (loaded()) {
            <p class="muted" data-testid="access-requests-empty">{{ 'accessRequests.empty' | translate }}</p>
          }
        }
      </div>
    </section>
  `,
})
export class AccessRequestsPage implements OnInit {
  private readonly api = inject(AccessRequestsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly filter = signal<'pending' | 'all'>('pending');
  protected readonly requests = signal<AccessChangeRequestView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected show(filter: 'pending' | 'all'): void {
    this.filter.set(filter);
    this.load();
  }

  protected decided(decision: AccessChangeDecision | null): void {
    if (!decision) {
      this.notifier.info('errors.stale_version');
      this.load();
      return;
    }
    const { request, credentials } = decision;
    this.requests.update((all) => all.map((r) => (r.id === request.id ? request : r)));
    this.notifier.info(NOTICES[request.status]);
    // A new user or a reset password: the approver hands it over, it is shown once.
    if (credentials) this.dialog.open(TemporaryPasswordDialog, { data: credentials, width: '480px' });
  }

  protected load(): void {
    this.error.set(null);
    this.api.list(this.filter() === 'pending' ? 'pending' : undefined).subscribe({
      next: (requests) => {
        this.requests.set(requests);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.error.set(problemMessage(error));
        this.loaded.set(true);
      },
    });
  }
}
