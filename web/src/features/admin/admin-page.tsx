import { Link } from 'react-router';
import { Page } from '../../shared/ui/page.tsx';
import { OrganisationSection } from './organisation-section.tsx';
import { StaffSection } from './staff-section.tsx';
import './admin.css';

/** Administration of the organisation (issue 14): its staff and its settings; every change is in the history. */
export function AdminPage() {
  return (
    <Page
      title="Administration"
      lead="Les comptes de votre équipe et les réglages de votre organisme. Chaque modification est inscrite à l’historique."
    >
      <p>
        <Link to="/administration/import">Importer l’historique des réclamations</Link>
      </p>
      <section className="section" aria-labelledby="equipe">
        <h2 id="equipe">Équipe</h2>
        <StaffSection />
      </section>
      <section className="section" aria-labelledby="organisme">
        <h2 id="organisme">Organisme</h2>
        <OrganisationSection />
      </section>
    </Page>
  );
}
