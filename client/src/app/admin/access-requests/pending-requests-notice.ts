import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AccessRequestsApi } from './access-requests.api';

/** On the users and roles screens: how many access changes wait for a second administrator, with the way to them. */
@Component({
  selector: 'ruta-pending-requests-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    <div role="status">
      @if (count() > 0) {
        <p class="muted" data-testid="pending-requests-notice">
          {{ 'accessRequests.pendingNotice' | translate: { count: count() } }}
          <a routerLink="/admin/solicitudes">{{ 'accessRequests.review' | translate }}</a>
        </p>
      }
    </div>
  `,
})
export class PendingRequestsNotice implements OnInit {
  private readonly api = inject(AccessRequestsApi);
  protected readonly count = signal(0);

  ngOnInit(): void {
    this.reload();
  }

  reload(): void {
    this.api.list('pending').subscribe({ next: (requests) => this.count.set(requests.length), error: () => this.count.set(0) });
  }
}
