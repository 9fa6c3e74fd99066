import type { ExportSummary } from '../../domain/dossiers/export-summary.ts';
import { mm, renderPdfmake } from '../../pdf/pdfmake.ts';

/** The export's summary as a page a person opens in any browser: no script, no external resource. */
export function summaryHtml(summary: ExportSummary): string {
  const e = escapeHtml;
  const sections = summary.sections
    .map((s) => {
      const fields = s.fields.length
        ? `<dl>${s.fields.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('')}</dl>`
        : '';
      const lists = s.lists
        .map(
          (l) =>
            `<h3>${e(l.heading)}</h3>${
              l.items.length
                ? `<ul>${l.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`
                : `<p class="empty">${e(l.empty)}</p>`
            }`,
        )
        .join('');
      return `<section><h2>${e(s.heading)}</h2>${fields}${lists}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(summary.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
section{border-top:1px solid #ccc;margin-top:1.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.empty{color:#555}
</style>
</head>
<body>
<h1>${e(summary.title)}</h1>
<p>${e(summary.intro)}</p>
${sections}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The same summary as an A4 PDF (Roboto embedded: accents, € and « » survive). pdfmake rewrites the arrays it is
 * given in place: every list is copied, so that the summary stays as it was for the HTML.
 */
export function summaryPdf(summary: ExportSummary): Promise<Buffer> {
  const content: Record<string, unknown>[] = [
    { text: summary.title, fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
    { text: summary.intro, margin: [0, 0, 0, 10] },
  ];
  for (const s of summary.sections) {
    content.push({ text: s.heading, fontSize: 14, bold: true, margin: [0, 12, 0, 4] });
    if (s.fields.length) {
      content.push({
        table: {
          widths: [mm(45), '*'],
          body: s.fields.map((f) => [{ text: f.label, bold: true }, f.value]),
        },
        layout: 'noBorders',
      });
    }
    for (const l of s.lists) {
      content.push({ text: l.heading, bold: true, margin: [0, 8, 0, 2] });
      content.push(l.items.length ? { ul: [...l.items] } : { text: l.empty, color: '#555555' });
    }
  }
  return renderPdfmake({
    pageSize: 'A4',
    pageMargins: [mm(20), mm(20), mm(20), mm(20)],
    info: { title: summary.title },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content,
    footer: (page: number, pages: number) => ({
      text: `Page ${page}/${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
  });
}
