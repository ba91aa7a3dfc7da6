import { inflateSync } from 'node:zlib';
import { DisclosureRecord } from '@ruta/shared';
import { disclosurePdf } from './disclosure-pdf';

/** The words a PDF shows, without white space (table cells wrap lines anywhere). */
function shownText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
    .map((m) => {
      try {
        return inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('\n')
    .split('\n')
    .filter((line) => /T[Jj]$/.test(line))
    .map((line) => [...line.matchAll(/<([0-9a-f]+)>/gi)].map((m) => Buffer.from(m[1], 'hex').toString('latin1')).join(''))
    .join('')
    .replace(/\s+/g, '');
}

const record: DisclosureRecord = {
  caseCode: 'RT-2026-000042',
  generatedAt: '2026-03-02T15:00:00.000Z',
  entries: [
    {
      referralId: 'r1',
      to: { id: 'i1', code: 'oim', name: 'Organización Internacional para las Migraciones (OIM)' },
      sections: ['summary', 'identity'],
      documentCount: 2,
      sentAt: '2026-03-01T14:00:00.000Z',
      sentBy: { id: 'u1', name: 'Investigadora Policía' },
      consent: { id: 'c1', grantedAt: '2026-02-20T10:00:00.000Z' },
      override: null,
      status: 'accepted',
      accessEndedAt: null,
      openedBy: [{ user: { id: 'u2', name: 'Trabajadora OIM' }, at: '2026-03-01T16:30:00.000Z' }],
    },
    {
      referralId: 'r2',
      to: { id: 'i2', code: 'icbf', name: 'Instituto Colombiano de Bienestar Familiar (ICBF)' },
      sections: ['summary'],
      documentCount: 0,
      sentAt: '2026-03-02T09:00:00.000Z',
      sentBy: { id: 'u1', name: 'Investigadora Policía' },
      consent: null,
      override: 'child_at_risk',
      status: 'sent',
      accessEndedAt: '2026-03-02T12:00:00.000Z',
      openedBy: [],
    },
  ],
};

describe('disclosure record PDF', () => {
  it('prints every entry in Spanish: institution, sections, sender, ground, who opened it, status', async () => {
    const pdf = await disclosurePdf(record, 'es');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = shownText(pdf);
    for (const phrase of [
      'Registro de entrega de datos personales',
      'Caso RT-2026-000042',
      'Organización Internacional para las Migraciones (OIM)',
      'Resumen, Identidad; 2 documento(s)',
      'Consentimiento del',
      'Trabajadora OIM',
      'Aceptada',
      'Fundamento legal, sin consentimiento: Niño, niña o adolescente en riesgo',
      'Aún no abierta',
      'acceso terminado el',
    ]) {
      expect(text).toContain(phrase.replace(/\s+/g, ''));
    }
  });

  it('prints in English, and says so when nothing was shared', async () => {
    expect(shownText(await disclosurePdf(record, 'en'))).toContain('Recordofpersonaldatadisclosures');
    expect(shownText(await disclosurePdf({ ...record, entries: [] }, 'en'))).toContain('Noinformationofthiscasehasbeensharedwithanotherinstitution.');
  });
});
