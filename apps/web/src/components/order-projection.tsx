// The dates an order gets if it leaves today by the chosen channel (GET /orders/:id/projection):
// day of notification, each item's due date and the end of the challenge period, with the rules.
import { useTranslation } from 'react-i18next';
import { deliveryMethods, type DeliveryMethod, type OrderProjection } from '../enforcement-api';
import { formatDate } from '../format';
import { formatDateTime } from '../time';
import { deliveryMethodLabel } from './enforcement-labels';
import { LoadError, Loading } from './page';

interface Props {
  channel: DeliveryMethod;
  onChannel: (channel: DeliveryMethod) => void;
  projection: OrderProjection | undefined;
  error: unknown;
  onRetry: () => void;
}

export function OrderProjectionCard({ channel, onChannel, projection, error, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  return (
    <section
      className="card detail-grid__wide stack"
      aria-labelledby="section-projection"
      data-testid="order-projection"
    >
      <h2 id="section-projection">{t('projection.title')}</h2>
      <div className="field">
        <label htmlFor="projection-channel">{t('projection.channel')}</label>
        <select
          id="projection-channel"
          value={channel}
          onChange={(event) => onChannel(event.target.value as DeliveryMethod)}
        >
          {deliveryMethods.map((method) => (
            <option key={method} value={method}>
              {deliveryMethodLabel(t, method)}
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && <LoadError error={error} onRetry={onRetry} />}
      {!projection && error === undefined && <Loading />}
      {projection && (
        <>
          <p className="muted small">
            {t('projection.assumption', {
              posted: formatDate(projection.postedOn, language),
              channel: deliveryMethodLabel(t, projection.method),
            })}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('projection.notifiedOn')}</dt>
              <dd data-testid="projected-notified-on">
                {formatDate(projection.notifiedOn, language)}{' '}
                <span className="muted small">({projection.notificationRule.basis})</span>
              </dd>
            </div>
            <div>
              <dt>{t('projection.challengeEndsOn')}</dt>
              <dd data-testid="projected-challenge-ends">
                {formatDate(projection.challengeEndsOn, language)}{' '}
                <span className="muted small">({t('projection.challengeBasis')})</span>
              </dd>
            </div>
            {projection.items.map((item) => (
              <div key={item.id} data-testid="projected-item">
                <dt>{t('projection.itemDue', { n: item.number })}</dt>
                <dd>
                  <span data-testid="projected-item-due">
                    {item.dueAt
                      ? formatDateTime(item.dueAt, language)
                      : formatDate(item.dueOn, language)}
                  </span>{' '}
                  {item.rules.length > 0 && (
                    <span className="muted small">
                      ({item.rules.map((rule) => rule.basis).join('; ')})
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p className="muted small">{t('projection.otherChannels')}</p>
        </>
      )}
    </section>
  );
}
