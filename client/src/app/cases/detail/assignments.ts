import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseAssignmentView, UserView } from '@ruta/shared';
import { UsersApi } from '../../admin/users/users.api';
import { AuthStore } from '../../core/auth/auth.store';
import { Notifier } from '../../core/http/notifier';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { CasesApi } from '../cases.api';
import { CaseDetailStore } from './case-detail.store';

/** Who works on the case; with `cases:assign`, add or remove people of the owner institution. */
@Component({
  selector: 'ruta-assignments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, TranslatePipe],
  template: `
    @if (store.detail(); as c) {
      <h3 class="section-title">{{ 'caseDetail.assignments' | translate }}</h3>
      <ul data-testid="assignments">
        @for (a of c.assignments; track a.user.id) {
          <li>
            {{ a.user.name }} <span class="muted">{{ a.assignedAt | date: 'mediumDate' : undefined : locales[language.current()] }}</span>
            @if (canAssign) {
              <button mat-icon-button type="button" (click)="unassign(a)" [attr.aria-label]="'caseDetail.unassign' | translate: { name: a.user.name }">
                <mat-icon svgIcon="person_remove" />
              </button>
            }
          </li>
        } @empty {
          <li class="muted">{{ 'caseDetail.noAssignments' | translate }}</li>
        }
      </ul>
      @if (canAssign) {
        <form class="filters" (submit)="$event.preventDefault(); assign()">
          <mat-form-field>
            <mat-label>{{ 'caseDetail.assignTo' | translate }}</mat-label>
            <mat-select [formControl]="userId" data-testid="assign-user">
              @for (u of users(); track u.id) {
                <mat-option [value]="u.id">{{ u.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button mat-stroked-button type="submit" [disabled]="!userId.value" data-testid="assign-submit"><mat-icon svgIcon="person_add" />{{ 'caseDetail.assign' | translate }}</button>
        </form>
      }
    }
  `,
})
export class Assignments implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly usersApi = inject(UsersApi);
  private readonly notifier = inject(Notifier);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(CaseDetailStore);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly canAssign = this.auth.can('cases:assign');
  protected readonly users = signal<UserView[]>([]);
  protected readonly userId = new FormControl('', { nonNullable: true });

  ngOnInit(): void {
    const institutionId = this.store.detail()?.ownerInstitution.id;
    if (!this.canAssign || !institutionId) return;
    this.usersApi.list({ institutionId, limit: 100 }).subscribe({ next: (page) => this.users.set(page.items.filter((u) => u.active)), error: () => undefined });
  }

  protected assign(): void {
    const c = this.store.detail();
    if (!c || !this.userId.value) return;
    this.api.assign(c.code, this.userId.value).subscribe({
      next: (assignments) => this.update(assignments),
      error: (error: unknown) => this.notifier.problem(error),
    });
  }

  protected unassign(a: CaseAssignmentView): void {
    const c = this.store.detail();
    if (!c) return;
    this.api.unassign(c.code, a.user.id).subscribe({ next: (list) => this.update(list), error: (error: unknown) => this.notifier.problem(error) });
  }

  private update(assignments: CaseAssignmentView[]): void {
    const c = this.store.detail();
    if (c) this.store.set({ ...c, assignments });
    this.userId.reset();
  }
}
