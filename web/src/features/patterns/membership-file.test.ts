import { describe, expect, it } from 'vitest';
import { readMembershipFile } from './membership-file.ts';

describe('reading a membership file (produit ; effectif)', () => {
  it.each([
    ['semicolons and a header', 'Produit;Adhérents\nSanté Plus;12 500\nSanté Essentiel;800\n'],
    ['commas, no header', 'Santé Plus,12500\nSanté Essentiel,800'],
    ['tabs and a narrow no-break space', 'Santé Plus\t12\u202f500\r\nSanté Essentiel\t800'],
  ])('%s', (_, content) => {
    expect(readMembershipFile(content)).toEqual({
      lines: [
        { product: 'Santé Plus', members: '12500' },
        { product: 'Santé Essentiel', members: '800' },
      ],
      errors: [],
    });
  });

  it('names each line it cannot read and keeps the others', () => {
    const read = readMembershipFile('Produit;Adhérents\nSanté Plus;beaucoup\n;300\nSanté Essentiel;800');
    expect(read.lines).toEqual([{ product: 'Santé Essentiel', members: '800' }]);
    expect(read.errors).toEqual([
      'Ligne 2 : attendu « nom du produit ; nombre d’adhérents » (exemple : Santé Plus ; 12 500).',
      'Ligne 3 : attendu « nom du produit ; nombre d’adhérents » (exemple : Santé Plus ; 12 500).',
    ]);
  });

  it('says when there is nothing to import', () => {
    expect(readMembershipFile('Produit;Adhérents\n').errors).toEqual([
      'Le fichier ne contient aucun produit.',
    ]);
  });
});
