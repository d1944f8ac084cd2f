import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../shared/ui/ProblemMessage';

export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <section className="page narrow">
      <ProblemMessage error={error} />
      <button type="button" onClick={() => window.location.reload()}>{t('retry')}</button>
    </section>
  );
}
