import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Landlord, type Ownership } from '../api';
import { addressLine, postalLines } from '../format';
import { Link, paths } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { OwnershipTable } from './ownership-table';
import { landlordKindLabel } from './ownership-text';
import { LandlordNetworkSection } from './landlord-network';
import { errorText, LoadError, Loading, useDocumentTitle } from './page';

/** A landlord (Verfügungsberechtigte/r): who they are, how to reach them, what they hold. */
export function LandlordDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const landlord = useResource((signal) => api.landlord(id, signal), [id]);
  const data = landlord.data;
  const title = data?.name ?? t('landlord.fallbackTitle');
  useDocumentTitle(title);

  return (
    <article className="stack-lg" aria-labelledby={headingId}>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t('landlord.eyebrow')}</p>
          <h1 id={headingId} tabIndex={-1} data-testid="landlord-title">
            {title}
          </h1>
          {data && (
            <p className="page-head__sub">
              {landlordKindLabel(t, data.kind)}
              {data.registerNumber && <> · {data.registerNumber}</>}
            </p>
          )}
        </div>
      </div>
      {landlord.loading && <Loading />}
      {landlord.error !== undefined && (
        <LoadError error={landlord.error} onRetry={landlord.reload} />
      )}
      {data && <LandlordBody landlord={data} />}
    </article>
  );
}

function LandlordBody({ landlord }: { landlord: Landlord }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <div className="detail-grid">
      {landlord.undeliverableNote && (
        <div
          className="banner banner--warning detail-grid__wide"
          role="note"
          data-testid="undeliverable"
        >
          <p className="banner__title">{t('landlord.undeliverable')}</p>
          <p className="prewrap">{landlord.undeliverableNote}</p>
        </div>
      )}
      <section className="card" aria-labelledby="section-landlord-details">
        <h2 id="section-landlord-details">{t('landlord.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('landlord.kind')}</dt>
            <dd>{landlordKindLabel(t, landlord.kind)}</dd>
          </div>
          <div>
            <dt>{t('landlord.registerNumber')}</dt>
            <dd>{landlord.registerNumber ?? none}</dd>
          </div>
          <div>
            <dt>{t('landlord.directors')}</dt>
            <dd>
              {landlord.directors.length === 0 ? (
                none
              ) : (
                <ul className="plain-list">
                  {landlord.directors.map((director) => (
                    <li key={director}>{director}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('landlord.notes')}</dt>
            <dd className="prewrap">{landlord.notes ?? none}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="section-landlord-contact">
        <h2 id="section-landlord-contact">{t('landlord.contact')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('landlord.email')}</dt>
            <dd>
              {landlord.email ? <a href={`mailto:${landlord.email}`}>{landlord.email}</a> : none}
            </dd>
          </div>
          <div>
            <dt>{t('landlord.phone')}</dt>
            <dd>
              {landlord.phone ? (
                <a href={`tel:${landlord.phone.replace(/[^\d+]/g, '')}`}>{landlord.phone}</a>
              ) : (
                none
              )}
            </dd>
          </div>
          <div>
            <dt>{t('landlord.postalAddress')}</dt>
            <dd>
              {landlord.postalAddress ? (
                <address className="postal">
                  {postalLines(landlord.postalAddress).map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                </address>
              ) : (
                none
              )}
            </dd>
          </div>
        </dl>
      </section>
      <Portfolio landlordId={landlord.id} />
      <LandlordNetworkSection landlordId={landlord.id} />
    </div>
  );
}

/** The landlord's properties, current and past, paged by "load more". */
function Portfolio({ landlordId }: { landlordId: string }) {
  const { t } = useTranslation();
  const { expired } = useSession();
  const first = useResource(
    (signal) => api.landlordProperties(landlordId, 0, signal),
    [landlordId],
  );
  const [more, setMore] = useState<Ownership[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(undefined);

  useEffect(() => setMore([]), [landlordId]);

  const items = first.data ? [...first.data.items, ...more] : undefined;
  const total = first.data?.total ?? 0;

  async function loadMore() {
    if (!items) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.landlordProperties(landlordId, items.length);
      setMore((previous) => [...previous, ...page.items]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) expired();
      else setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  const current = items?.filter((item) => item.current) ?? [];
  const past = items?.filter((item) => !item.current) ?? [];

  return (
    <section className="card detail-grid__wide stack" aria-labelledby="section-portfolio">
      <h2 id="section-portfolio">{t('landlord.portfolio.title')}</h2>
      {first.loading && <Loading />}
      {first.error !== undefined && <LoadError error={first.error} onRetry={first.reload} />}
      {items && items.length === 0 && <p className="muted">{t('landlord.portfolio.none')}</p>}
      {items && items.length > 0 && (
        <>
          <h3>{t('landlord.portfolio.current')}</h3>
          {current.length === 0 ? (
            <p className="muted">{t('landlord.portfolio.noneCurrent')}</p>
          ) : (
            <PortfolioTable items={current} caption={t('landlord.portfolio.current')} />
          )}
          {past.length > 0 && (
            <>
              <h3>{t('landlord.portfolio.past')}</h3>
              <PortfolioTable items={past} caption={t('landlord.portfolio.past')} />
            </>
          )}
          {total > items.length && (
            <div className="paging">
              <p className="muted">
                {t('landlord.portfolio.shown', { shown: items.length, total })}
              </p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void loadMore()}
                disabled={loadingMore}
              >
                {t('landlord.portfolio.more')}
              </button>
            </div>
          )}
          {moreError !== undefined && (
            <p className="banner banner--error" role="alert">
              {errorText(t, moreError)}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** A landlord's properties with role and period. */
function PortfolioTable({ items, caption }: { items: Ownership[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <OwnershipTable
      items={items}
      caption={caption}
      subjectHeader={t('landlord.portfolio.address')}
      subject={(ownership) => (
        <Link to={paths.property(ownership.property.id)}>
          {ownership.property.primaryAddress
            ? addressLine(ownership.property.primaryAddress)
            : t('landlord.portfolio.noAddress')}
        </Link>
      )}
      rowTestId="portfolio-row"
    />
  );
}
