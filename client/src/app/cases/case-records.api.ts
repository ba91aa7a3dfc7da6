import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CaseDocumentKind, CaseDocumentView, CaseNoteInput, CaseNoteView, ConsentInput, ConsentView } from '@ruta/shared';
import { Observable } from 'rxjs';
import { casePath } from './cases.api';

/** What hangs from a case: notes, documents and consents. */
@Injectable({ providedIn: 'root' })
export class CaseRecordsApi {
  private readonly http = inject(HttpClient);

  notes(code: string): Observable<CaseNoteView[]> {
    return this.http.get<CaseNoteView[]>(`${casePath(code)}/notes`);
  }

  addNote(code: string, note: CaseNoteInput): Observable<CaseNoteView[]> {
    return this.http.post<CaseNoteView[]>(`${casePath(code)}/notes`, note);
  }

  documents(code: string): Observable<CaseDocumentView[]> {
    return this.http.get<CaseDocumentView[]>(`${casePath(code)}/documents`);
  }

  upload(code: string, kind: CaseDocumentKind, file: File): Observable<CaseDocumentView> {
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file);
    return this.http.post<CaseDocumentView>(`${casePath(code)}/documents`, body);
  }

  /** A same-origin link: the session cookie authorises it and the server audits the download. */
  documentUrl(code: string, id: string): string {
    return `${casePath(code)}/documents/${encodeURIComponent(id)}/content`;
  }

  consents(code: string): Observable<ConsentView[]> {
    return this.http.get<ConsentView[]>(`${casePath(code)}/consents`);
  }

  addConsent(code: string, consent: ConsentInput): Observable<ConsentView[]> {
    return this.http.post<ConsentView[]>(`${casePath(code)}/consents`, consent);
  }

  revokeConsent(code: string, id: string): Observable<ConsentView[]> {
    return this.http.post<ConsentView[]>(`${casePath(code)}/consents/${encodeURIComponent(id)}/revoke`, {});
  }
}
