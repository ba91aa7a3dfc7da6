import ExcelJS from 'exceljs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AnnualReport, AnnualReportRow, safeCell } from '@ruta/shared';
import { bucketLabel, indicatorLabel, ReportLanguage } from './indicator-labels';
import { pdf } from './pdf-fonts';

const TEXTS = {
  es: {
    title: (year: number) => `Informe anual de trata de personas ${year}`,
    subtitle: 'Según el informe TIP (EE. UU.) y el cuestionario GLOTIP de UNODC',
    section: {
      protection: 'Protección: víctimas identificadas',
      referrals: 'Remisiones entre instituciones',
      assistance: 'Asistencia a víctimas (Ley 985)',
      justice: 'Judicialización (Ley 906)',
      hotline: 'Línea nacional contra la trata',
    },
    indicator: 'Indicador',
    value: 'Valor',
    sheet: 'Informe anual',
  },
  en: {
    title: (year: number) => `Annual trafficking in persons report ${year}`,
    subtitle: 'Shaped after the US TIP report and the UNODC GLOTIP questionnaire',
    section: {
      protection: 'Protection: victims identified',
      referrals: 'Referrals between institutions',
      assistance: 'Victim assistance (Law 985)',
      justice: 'Prosecution (Law 906)',
      hotline: 'National anti-trafficking hotline',
    },
    indicator: 'Indicator',
    value: 'Value',
    sheet: 'Annual report',
  },
} as const;

/** One line of the table as text: the indicator's name, or an indented bucket label. */
export function rowLabel(row: AnnualReportRow, language: ReportLanguage): string {
  return row.bucket && row.dimension ? `    ${bucketLabel(row.dimension, row.bucket, language)}` : indicatorLabel(row.key, language);
}

function sections(report: AnnualReport): [AnnualReportRow['section'], AnnualReportRow[]][] {
  return (['protection', 'referrals', 'assistance', 'justice', 'hotline'] as const)
    .map((s): [AnnualReportRow['section'], AnnualReportRow[]] => [s, report.rows.filter((r) => r.section === s)])
    .filter(([, rows]) => rows.length > 0);
}

export async function annualReportXlsx(report: AnnualReport, language: ReportLanguage): Promise<Buffer> {
  const t = TEXTS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ruta';
  const sheet = workbook.addWorksheet(t.sheet);
  sheet.columns = [{ width: 60 }, { width: 14 }];
  sheet.addRow([t.title(report.year)]).font = { bold: true, size: 14 };
  sheet.addRow([t.subtitle]);
  for (const [section, rows] of sections(report)) {
    sheet.addRow([]);
    sheet.addRow([t.section[section]]).font = { bold: true };
    sheet.addRow([t.indicator, t.value]).font = { bold: true };
    for (const row of rows) {
      const line = sheet.addRow([safeCell(rowLabel(row, language)), row.value ?? '']);
      if (!row.bucket) line.font = { bold: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function annualReportPdf(report: AnnualReport, language: ReportLanguage): Promise<Buffer> {
  const t = TEXTS[language];
  const content: TDocumentDefinitions['content'] = [
    { text: t.title(report.year), style: 'title' },
    { text: t.subtitle, margin: [0, 0, 0, 12] },
  ];
  for (const [section, rows] of sections(report)) {
    content.push({ text: t.section[section], style: 'section' });
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 80],
        body: [
          [{ text: t.indicator, bold: true }, { text: t.value, bold: true, alignment: 'right' }],
          ...rows.map((row) => [
            { text: rowLabel(row, language), bold: !row.bucket, preserveLeadingSpaces: true },
            { text: row.value === null ? '—' : String(row.value), alignment: 'right' as const, bold: !row.bucket },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  const doc: TDocumentDefinitions = {
    info: { title: t.title(report.year), creator: 'Ruta' },
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: { title: { fontSize: 16, bold: true }, section: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] } },
    content,
  };
  return pdf().createPdf(doc).getBuffer();
}
