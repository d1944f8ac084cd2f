import { useTranslation } from 'react-i18next';
import { problemMessage } from './problemMessage';

/** A failed call explained in the buyer's language (role=alert so screen readers announce it). */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('problems');
  if (!error) return null;
  return (
    <div role="alert" className="problem">
      {problemMessage(error, t)}
    </div>
  );
}
