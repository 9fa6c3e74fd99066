export { CATEGORY_LABELS, DOSSIER_CATEGORIES, type DossierCategory } from '../../contracts/categories.ts';
