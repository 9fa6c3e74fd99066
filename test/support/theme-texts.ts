import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { addDays } from '../../src/domain/shared/calendar-date.ts';

/** The week the themes judge in these registers: Monday 16/11/2026 to Sunday 22/11/2026 (16 weeks from 03/08). */
export const THEMES_END = '2026-11-22';
export const THEMES_FIRST_WEEK = '2026-08-03';
export const NEW_TOPIC = 'Tiers payant refusé en pharmacie, carte non reconnue par le pharmacien.';

/**
 * Complaint texts for the themes (issue 15 §2), straight in SQL: ten steady topics, three texts each a week for
 * the 16 weeks, then a new one, 24 texts over the last three weeks (the weekly job must find it and alert).
 * A draft and an erased file say the new topic too: never read.
 */
export async function seedThemeTexts(
  db: Db,
  target: { organisationId: string; organisationName: string; memberId: string; prefix: string },
): Promise<void> {
  const insert = (
    prefix: string,
    count: number,
    text: string,
    day: string,
    extra: { status?: string; erased?: boolean } = {},
  ) =>
    db.execute(sql`
      insert into dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind, category,
                            title, description, channel, facts, status, transmitted_at, erased_at)
      select ${prefix} || '-' || g, ${target.memberId}, ${target.organisationId}, ${target.organisationName},
             'mutuelle', 'other',
             'Réclamation', ${text}, 'web', jsonb_build_object('complaintReceivedOn', ${day}::text),
             ${extra.status ?? 'submitted'}::text, now(), ${extra.erased ? sql`now()` : sql`null`}
        from generate_series(1, ${count}) g`);
  const topics = [
    [
      'La cotisation a été prélevée deux fois ce mois-ci sur mon compte.',
      'Double prélèvement de la cotisation mensuelle en janvier.',
      'Cotisation prélevée en double, merci de rembourser le prélèvement.',
    ],
    [
      'Mes lunettes, verres et monture, ne sont remboursées qu’en partie.',
      'Remboursement des verres progressifs refusé malgré l’ordonnance.',
      'La monture de mes lunettes n’a pas été remboursée.',
    ],
    [
      'Ma demande de résiliation envoyée il y a deux mois reste sans réponse.',
      'Résiliation ignorée : ma demande de résiliation est restée sans suite.',
      'La résiliation de mon contrat n’a jamais été prise en compte.',
    ],
    [
      'La couronne dentaire céramique est mal remboursée par rapport au devis.',
      'Le devis dentaire pour la couronne n’a pas été étudié.',
      'Remboursement de la couronne dentaire inférieur au tableau.',
    ],
    [
      'Les aides auditives ne sont pas remboursées au plafond prévu.',
      'Appareil auditif : plafond de remboursement mal appliqué.',
      'Le plafond des aides auditives appliqué est faux.',
    ],
    [
      'Le forfait chambre particulière de l’hôpital n’a pas été pris en charge.',
      'Chambre particulière à l’hôpital refusée sans explication.',
      'Hospitalisation : forfait chambre particulière non remboursé.',
    ],
    [
      'Trois courriels au service adhérents restés sans réponse.',
      'Le service adhérents ne répond ni au téléphone ni aux courriels.',
      'Aucune réponse du service adhérents depuis un mois.',
    ],
    [
      'Maintien des garanties refusé après la fin du contrat de travail.',
      'Portabilité des garanties refusée après mon licenciement.',
      'Fin du contrat de travail : maintien des garanties non appliqué.',
    ],
    [
      'Le transport sanitaire en ambulance n’a pas été remboursé.',
      'Ambulance pour une consultation : transport sanitaire non pris en charge.',
      'Transport sanitaire prescrit par le médecin mais remboursement refusé.',
    ],
    [
      'Le traitement d’orthodontie de mon fils n’est pas couvert.',
      'Orthodontie : la mutuelle rembourse moins que prévu pour l’appareil dentaire.',
      'Appareil d’orthodontie pour mon enfant, aucune prise en charge.',
    ],
  ];
  for (let week = 0; week < 16; week++) {
    for (const [t, variants] of topics.entries()) {
      for (let j = 0; j < 3; j++) {
        await insert(
          `${target.prefix}-${week}-${t}-${j}`,
          1,
          variants[(week + j) % 3]!,
          addDays(THEMES_FIRST_WEEK, 7 * week + (t % 7)),
        );
      }
    }
  }
  const fresh = [
    NEW_TOPIC,
    'La pharmacie refuse le tiers payant, ma carte n’est pas reconnue.',
    'Tiers payant refusé : le pharmacien dit que mes droits sont fermés.',
    'Carte de tiers payant non reconnue à la pharmacie, j’ai dû avancer les frais.',
  ];
  for (let i = 0; i < 24; i++) {
    await insert(`${target.prefix}-NEW-${i}`, 1, fresh[i % 4]!, addDays('2026-11-02', Math.floor(i * 0.85)));
  }
  await insert(`${target.prefix}-DRAFT`, 1, NEW_TOPIC, '2026-11-20', { status: 'draft' });
  await insert(`${target.prefix}-ERASED`, 1, NEW_TOPIC, '2026-11-20', { erased: true });
}
