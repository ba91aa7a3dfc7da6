import { join } from 'node:path';
import pdfmake from 'pdfmake';

const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
let ready = false;

/**
 * The PDFs of this area use PDFKit's built-in Helvetica (WinAnsi: Spanish accents included): no font file to embed
 * and no URL ever read. pdfmake's access policies are global; this one allows the standard font names and pdfmake's
 * own folder, as the referrals area's disclosure PDF does, so whichever is set last, both keep working.
 */
export function pdf(): typeof pdfmake {
  if (!ready) {
    const pdfmakeDir = join(require.resolve('pdfmake'), '..', '..');
    pdfmake.addFonts({ Helvetica: HELVETICA });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => Object.values(HELVETICA).includes(path) || path.startsWith(pdfmakeDir));
    ready = true;
  }
  return pdfmake;
}
