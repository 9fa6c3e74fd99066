import { Page } from '../../shared/ui/page.tsx';
import { CheckpointsSection } from './checkpoints-section.tsx';
import { HistorySection } from './history-section.tsx';
import { VerificationSection } from './verification-section.tsx';
import './audit.css';

/** The auditor's page (auditors and administrators of an organisation): integrity, checkpoints, history. */
export function AuditPage() {
  return (
    <Page
      title="Historique et intégrité"
      lead="Chaque action et chaque consultation d’un dossier est inscrite dans un historique infalsifiable : vérifiez son intégrité, conservez les points de contrôle signés, consultez et exportez les événements."
    >
      <VerificationSection />
      <CheckpointsSection />
      <HistorySection />
    </Page>
  );
}
