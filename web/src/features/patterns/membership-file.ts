import { parse } from 'csv-parse/browser/esm/sync';

/**
 * A membership file as spreadsheets export it: one line per product, « produit ; effectif » (semicolon, comma or
 * tab), a header line allowed, French numbers (« 12 500 »). Read in the browser so that the form shows the lines
 * before anything is sent; each line that cannot be read is named with what to fix.
 */
export interface MembershipLine {
  product: string;
  members: string;
}

export function readMembershipFile(content: string): { lines: MembershipLine[]; errors: string[] } {
  let records: string[][];
  try {
    records = parse(content, {
      delimiter: [';', '\t', ','],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch {
    return {
      lines: [],
      errors: ['Fichier illisible : attendu une ligne par produit, « produit ; nombre d’adhérents ».'],
    };
  }
  const lines: MembershipLine[] = [];
  const errors: string[] = [];
  records.forEach((record, index) => {
    const [product = '', members = ''] = record;
    const number = members.replace(/[\s\u00a0\u202f.]/g, '');
    if (index === 0 && !/^\d+$/.test(number)) return; // the header line
    if (product === '' || !/^\d+$/.test(number)) {
      errors.push(
        `Ligne ${index + 1} : attendu « nom du produit ; nombre d’adhérents » (exemple : Santé Plus ; 12 500).`,
      );
      return;
    }
    lines.push({ product, members: number });
  });
  if (lines.length === 0 && errors.length === 0) errors.push('Le fichier ne contient aucun produit.');
  return { lines, errors };
}
