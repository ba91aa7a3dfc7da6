import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditEventView, AuditQuery } from '@ruta/shared';
import { CanDirective } from '../core/auth/can.directive';
import { CursorList } from '../core/http/cursor-list';
import { LanguageService, LOCALES } from '../core/i18n/language.service';
import { AuditApi } from './audit.api';
import { AuditFilters } from './audit-filters';
import { AuditHead } from './audit-head';
import { AuditVerify } from './audit-verify';

@Component({
  selector: 'ruta-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, MatButtonModule, TranslatePipe, CanDirective, AuditFilters, AuditHead, AuditVerify],
  templateUrl: './audit.page.html',
})
export class AuditPage implements OnInit {
  private readonly api = inject(AuditApi);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;

  protected readonly columns = ['occurredAt', 'actor', 'action', 'entity', 'outcome', 'requestId'];
  private query: AuditQuery = {};
  protected readonly events = new CursorList<AuditEventView>((cursor) =>
    this.api.events({ ...this.query, cursor, limit: 50 }),
  );

  ngOnInit(): void {
    this.events.reload();
  }

  protected filter(query: AuditQuery): void {
    this.query = query;
    this.events.reload();
  }
}
