import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { IncomingLinkRequestView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { CaseLinksApi } from '../case-links.api';
import { LinkRequestCard } from './link-request-card';

/** `/casos/vinculaciones`: link requests other institutions sent to the user's institution, pending first. */
@Component({
  selector: 'ruta-link-requests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe, FormError, LinkRequestCard],
  template: `
    <section class="page">
      <a mat-button routerLink="/casos" class="back"><mat-icon svgIcon="arrow_back" />{{ 'caseDetail.back' | translate }}</a>
      <div class="page-header">
        <h1 tabindex="-1">{{ 'links.inboxTitle' | translate }}</h1>
      </div>
      <p class="muted">{{ 'links.inboxIntro' | translate }}</p>
      <ruta-form-error [message]="error()" />
      <div class="stack" data-testid="link-requests" [attr.data-loaded]="loaded()">
        @for (request of requests(); track request.id) {
          <ruta-link-request-card [request]="request" (changed)="changed($event)" />
        } @empty {
          @if (loaded()) {
            <p class="muted" data-testid="link-requests-empty">{{ 'links.inboxEmpty' | translate }}</p>
          }
        }
      </div>
    </section>
  `,
})
export class LinkRequestsPage implements OnInit {
  private readonly api = inject(CaseLinksApi);
  private readonly notifier = inject(Notifier);
  protected readonly requests = signal<IncomingLinkRequestView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected changed(view: IncomingLinkRequestView | null): void {
    if (!view) {
      this.load();
      return;
    }
    this.requests.update((all) => all.map((r) => (r.id === view.id ? view : r)));
    this.notifier.info(view.status === 'accepted' ? 'links.accepted' : 'links.declined');
  }

  private load(): void {
    this.api.incoming().subscribe({
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
