import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_BAND, AgeBand, AssistanceOverview, Labelled, PARTICIPANT_RELATIONS, ParticipantRelation, ParticipantRequest, SERVICE_BENEFICIARY, SEX, Sex } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { AssistanceApi } from '../assistance.api';

/** The relations a beneficiary relative may have (first degree, spouse, permanent partner), with their labels. */
export const PARTICIPANT_RELATION: Labelled<ParticipantRelation> = { values: PARTICIPANT_RELATIONS, labels: SERVICE_BENEFICIARY.labels };

/**
 * The case's beneficiary relatives (first degree, spouse or permanent partner), who can receive services too: name,
 * relation, sex and age band as labels, and the form of a new one.
 */
@Component({
  selector: 'ruta-participant-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, CanDirective, FormError, OptionLabelPipe, OptionSelect],
  template: `
    <section aria-labelledby="assistance-participants-title">
      <h3 id="assistance-participants-title" class="section-title">{{ 'assistance.participant.title' | translate }}</h3>
      <p class="muted">{{ 'assistance.participant.hint' | translate }}</p>
      <ul class="stack" data-testid="assistance-participants">
        @for (p of overview().participants; track p.id) {
          <li data-testid="assistance-participant">
            <strong>{{ p.fullName }}</strong> · {{ p.relation | rutaOption: l.PARTICIPANT_RELATION }} · {{ p.sex | rutaOption: l.SEX }}
            @if (p.ageBand) { · {{ p.ageBand | rutaOption: l.AGE_BAND }} }
          </li>
        } @empty {
          <li class="muted">{{ 'assistance.participant.none' | translate }}</li>
        }
      </ul>
      <form class="stack" [formGroup]="form" (ngSubmit)="save()" *rutaCan="'assistance:manage'" data-testid="assistance-participant-form">
        <div class="form-grid">
          <mat-form-field>
            <mat-label>{{ 'assistance.participant.fullName' | translate }}</mat-label>
            <input matInput required formControlName="fullName" autocomplete="off" data-testid="assistance-participant-name" />
            <mat-error>{{ form.controls.fullName.errors | rutaError }}</mat-error>
          </mat-form-field>
          <ruta-option-select [control]="form.controls.relation" [list]="l.PARTICIPANT_RELATION" label="assistance.participant.relation" testId="assistance-participant-relation" [required]="true" />
          <ruta-option-select [control]="form.controls.sex" [list]="l.SEX" label="assistance.participant.sex" testId="assistance-participant-sex" [required]="true" />
          <ruta-option-select [control]="form.controls.ageBand" [list]="l.AGE_BAND" label="assistance.participant.ageBand" testId="assistance-participant-age" />
        </div>
        <ruta-form-error [message]="error()" />
        <div class="actions"><button mat-stroked-button type="submit" [disabled]="busy()" data-testid="assistance-participant-save">{{ 'assistance.participant.save' | translate }}</button></div>
      </form>
    </section>
  `,
})
export class ParticipantPanel {
  private readonly api = inject(AssistanceApi);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<AssistanceOverview>();
  protected readonly l = { PARTICIPANT_RELATION, SEX, AGE_BAND };
  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: ['', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    relation: ['', Validators.required],
    sex: ['', Validators.required],
    ageBand: [''],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    const body: ParticipantRequest = { fullName: v.fullName.trim(), relation: v.relation as ParticipantRelation, sex: v.sex as Sex, ...(v.ageBand ? { ageBand: v.ageBand as AgeBand } : {}) };
    this.submission.submit(() => this.api.addParticipant(this.overview().caseCode, body), {
      done: (o) => {
        this.form.reset({ fullName: '', relation: '', sex: '', ageBand: '' });
        this.changed.emit(o);
      },
    });
  }
}
