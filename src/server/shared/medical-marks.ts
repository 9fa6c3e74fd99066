import { AppError } from '../errors.ts';

const REFUSALS = {
  read: 'Cette pièce est couverte par le secret médical : seuls l’adhérent, le médecin-conseil de l’organisme et le médiateur saisi peuvent la lire ou la modifier.',
  mark: 'Seuls l’adhérent, les conseillers de l’organisme et son médecin-conseil peuvent placer une pièce sous secret médical.',
  unmark:
    'Seuls l’adhérent et le médecin-conseil peuvent lever le secret médical d’une pièce : ils sont les seuls à pouvoir juger de son contenu.',
  write:
    'Seuls l’adhérent et le médecin-conseil de l’organisme écrivent des messages médicaux : un conseiller ne pourrait pas relire le sien.',
} as const;

/** 403: the reader knows the piece exists (he sees it in the list), he may not read or change it. */
export function medicalRefusal(field?: string, reason: keyof typeof REFUSALS = 'read') {
  return new AppError('FORBIDDEN', REFUSALS[reason], field);
}
