import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { HealthApi, HealthState } from './health.api';

/** Public page: is the API online, and its database. */
@Component({
  selector: 'ruta-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <section class="page narrow">
      <h1>{{ 'status.title' | translate }}</h1>
      <mat-card appearance="outlined">
        <mat-card-content aria-live="polite">
          @if (state(); as s) {
            <dl class="facts">
              <dt>{{ 'status.api' | translate }}</dt>
              <dd>
                <mat-icon [class]="s.reachable ? 'ok' : 'bad'" [svgIcon]="s.reachable ? 'check_circle' : 'error'" />
                <span data-testid="api-status">{{ (s.reachable ? 'status.online' : 'status.offline') | translate }}</span>
              </dd>
              <dt>{{ 'status.overall' | translate }}</dt>
              <dd><span data-testid="health-status">{{ s.report.status }}</span></dd>
              <dt>{{ 'status.database' | translate }}</dt>
              <dd data-testid="database-status">{{ databaseLabel() | translate }}</dd>
            </dl>
          } @else {
            <p>{{ 'status.checking' | translate }}</p>
          }
        </mat-card-content>
        <mat-card-actions>
          <button mat-button type="button" (click)="refresh()" [disabled]="loading()">
            <mat-icon svgIcon="refresh" />{{ 'common.refresh' | translate }}
          </button>
        </mat-card-actions>
      </mat-card>
    </section>
  `,
})
export class StatusPage implements OnInit {
  private readonly api = inject(HealthApi);
  protected readonly state = signal<HealthState | null>(null);
  protected readonly loading = signal(false);

  protected readonly databaseLabel = computed(() => {
    const report = this.state()?.report;
    const status = report?.info?.['database']?.status ?? report?.error?.['database']?.status;
    if (status === 'up') return 'status.up';
    if (status === 'down') return 'status.down';
    return 'status.unknown';
  });

  ngOnInit(): void {
    this.refresh();
  }

  protected refresh(): void {
    this.loading.set(true);
    this.api.check().subscribe((state) => {
      this.state.set(state);
      this.loading.set(false);
    });
  }
}
