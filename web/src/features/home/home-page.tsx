import { Link } from 'react-router';
import { useSession, usesRegister } from '../../shared/session.ts';
import { Page } from '../../shared/ui/page.tsx';

const STEPS = [
  {
    title: 'Service client',
    text: 'Appelez ou écrivez à votre organisme. Beaucoup d’erreurs de remboursement se règlent dès ce stade.',
  },
  {
    title: 'Réclamation écrite',
    text: 'Écrivez au service réclamations. L’organisme doit en accuser réception puis vous répondre dans des délais encadrés.',
  },
  {
    title: 'Relance, puis mise en demeure',
    text: 'Sans réponse dans les délais, ou face à un refus injustifié, relancez puis mettez l’organisme en demeure.',
  },
  {
    title: 'Médiateur',
    text: 'Saisissez gratuitement le médiateur de votre mutuelle, de votre assureur ou de la CPAM, une fois la réclamation écrite restée sans suite.',
  },
  {
    title: 'Association ou Défenseur des droits',
    text: 'Une association de patients ou de consommateurs peut vous accompagner\u00a0; le Défenseur des droits intervient face à un service public comme la CPAM.',
  },
  {
    title: 'Tribunal',
    text: 'En dernier recours, le juge. Recours vous aide à constituer un dossier complet, pièces et dates à l’appui.',
  },
];

const TOOLS = [
  {
    to: '/delais',
    title: 'Calculer mes délais',
    text: 'Accusé de réception, réponse, saisine du médiateur, prescription\u00a0: les dates limites qui s’appliquent à votre cas.',
  },
  {
    to: '/verifier-remboursement',
    title: 'Vérifier un remboursement',
    text: 'Base de remboursement, ticket modérateur, participation forfaitaire\u00a0: ce que l’Assurance maladie et votre complémentaire auraient dû verser.',
  },
  {
    to: '/diagnostic',
    title: 'Décrire mon problème',
    text: 'Quelques questions pour savoir à qui vous adresser et quelle démarche engager en premier.',
  },
];

export function HomePage() {
  const user = useSession().data?.user;
  const staff = user ? usesRegister(user.role) : false;
  const openTarget = user ? '/mes-dossiers' : '/inscription';

  return (
    <Page
      title="Accueil"
      heading="Un litige avec votre complémentaire santé ou l’Assurance maladie&nbsp;?"
      lead="Un remboursement refusé, une résiliation ignorée, une décision de la CPAM que vous contestez&nbsp;: Recours vous guide à chaque étape, calcule les délais légaux, vérifie vos remboursements et rédige vos courriers."
    >
      <div className="cta-row">
        {staff ? (
          <Link className="button button--large" to="/registre">
            Voir le registre des réclamations
          </Link>
        ) : (
          <Link className="button button--large" to={openTarget}>
            Ouvrir un dossier
          </Link>
        )}
        <Link className="button button--secondary button--large" to="/diagnostic">
          Décrire mon problème
        </Link>
      </div>

      <section className="section" aria-labelledby="etapes">
        <h2 id="etapes">Les étapes d’un recours</h2>
        <p>
          Chaque étape ouvre la suivante&nbsp;: le médiateur ne peut être saisi qu’après une réclamation
          écrite, le juge attend que vous ayez tenté de régler le litige à l’amiable. Recours vous dit où vous
          en êtes.
        </p>
        <ol className="steps">
          {STEPS.map((step) => (
            <li key={step.title} className="steps__item">
              <h3>{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="outils">
        <h2 id="outils">Des outils pour préparer votre démarche</h2>
        <ul className="tool-grid">
          {TOOLS.map((tool) => (
            <li key={tool.to} className="card tool-card">
              <h3>
                <Link to={tool.to}>{tool.title}</Link>
              </h3>
              <p>{tool.text}</p>
            </li>
          ))}
          <li className="card tool-card">
            <h3>Préparer vos courriers</h3>
            <p>
              Réclamation, relance, mise en demeure, saisine du médiateur&nbsp;: des lettres rédigées à partir
              de votre dossier, avec les bons articles de loi.
            </p>
          </li>
        </ul>
      </section>
    </Page>
  );
}
