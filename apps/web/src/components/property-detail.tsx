import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, canEditProperties, canPlanInspections, type Building, type Property } from '../api';
import { formatCoordinate, formatNumber, placeLine, streetLine } from '../format';
import { Link, paths } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { OwnershipTable } from './ownership-table';
import { LoadError, Loading, useDocumentTitle, useFlash } from './page';
import { PropertyDefects, PropertyInspections, PropertyTimeline } from './property-inspections';
import { lastPropertyListUrl } from './property-list';
import { LocationMap } from './lazy-map';

export function PropertyDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { user } = useSession();
  const property = useResource((signal) => api.property(id, signal), [id]);
  const flash = useFlash(paths.property(id));
  const data = property.data;
  const primary = data?.addresses.find((address) => address.isPrimary) ?? data?.addresses[0];
  const title = primary ? streetLine(primary) : t('property.fallbackTitle');
  useDocumentTitle(title);

  return (
    <article className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={lastPropertyListUrl()}>
          <span aria-hidden="true">← </span>
          {t('property.back')}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id={headingId} tabIndex={-1} data-testid="property-title">
            {title}
          </h1>
          {primary && (
            <p className="page-head__sub">
              {placeLine(primary)}
              {data?.district && <> · {data.district.name}</>}
            </p>
          )}
        </div>
        {data && (canEditProperties(user.role) || canPlanInspections(user.role)) && (
          <div className="page-head__actions">
            {canPlanInspections(user.role) && (
              <Link
                className="button button--secondary"
                to={paths.inspectionNew(data.id)}
                data-testid="plan-inspection-head"
              >
                {t('propertyInspections.plan')}
              </Link>
            )}
            {canEditProperties(user.role) && (
              <Link
                className="button button--primary"
                to={paths.propertyEdit(data.id)}
                data-testid="edit-property"
              >
                {t('property.edit')}
              </Link>
            )}
          </div>
        )}
      </div>
      {flash && (
        <p className="banner banner--success" role="status" data-testid="flash">
          {flash === 'created' ? t('property.created') : t('property.saved')}
        </p>
      )}
      {property.loading && <Loading />}
      {property.error !== undefined && (
        <LoadError error={property.error} onRetry={property.reload} />
      )}
      {data && <PropertyBody property={data} />}
    </article>
  );
}

function PropertyBody({ property }: { property: Property }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const [lon, lat] = property.location.coordinates;
  return (
    <div className="detail-grid">
      <section className="card detail-grid__map" aria-labelledby="section-location">
        <h2 id="section-location">{t('property.sections.location')}</h2>
        <LocationMap
          coordinates={property.location.coordinates}
          label={t('property.map.label')}
          testId="property-map"
        />
        <p className="muted small">
          {t('property.coordinates')}: {formatCoordinate(lat, language)}° N,{' '}
          {formatCoordinate(lon, language)}° {language === 'de' ? 'O' : 'E'}
        </p>
      </section>

      <section className="card" aria-labelledby="section-addresses">
        <h2 id="section-addresses">{t('property.sections.addresses')}</h2>
        <ul className="address-list">
          {property.addresses.map((address) => (
            <li key={address.id} data-testid="property-address">
              <span className="address-list__street">{streetLine(address)}</span>
              <span>
                {placeLine(address)}
                {address.district && <span className="muted"> · {address.district}</span>}
              </span>
              {address.isPrimary && <span className="badge">{t('property.primary')}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="section-details">
        <h2 id="section-details">{t('property.sections.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('property.district')}</dt>
            <dd>{property.district?.name ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('property.parcelRef')}</dt>
            <dd data-testid="property-parcel">{property.parcelRef ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('property.notes')}</dt>
            <dd className="prewrap" data-testid="property-notes">
              {property.notes ?? t('common.none')}
            </dd>
          </div>
          <div>
            <dt>{t('property.updatedAt')}</dt>
            <dd>
              {new Intl.DateTimeFormat(language, {
                dateStyle: 'medium',
                timeStyle: 'short',
              }).format(new Date(property.updatedAt))}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card detail-grid__wide" aria-labelledby="section-buildings">
        <h2 id="section-buildings">{t('property.sections.buildings')}</h2>
        {property.buildings.length === 0 ? (
          <p className="muted">{t('property.noBuildings')}</p>
        ) : (
          property.buildings.map((building) => (
            <BuildingUnits key={building.id} building={building} />
          ))
        )}
      </section>

      <Ownerships propertyId={property.id} />
      <PropertyInspections propertyId={property.id} />
      <PropertyDefects propertyId={property.id} />
      <PropertyTimeline propertyId={property.id} />
    </div>
  );
}

function floorText(t: TFunction, floor: number | null): string {
  if (floor === null) return t('common.none');
  if (floor === 0) return t('property.floor.ground');
  return floor > 0
    ? t('property.floor.upper', { n: floor })
    : t('property.floor.basement', { n: -floor });
}

function BuildingUnits({ building }: { building: Building }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const id = useId();
  return (
    <div className="building" aria-labelledby={id} role="group">
      <h3 id={id}>
        {building.label}
        {building.yearBuilt !== null && (
          <span className="muted"> · {t('property.yearBuilt', { year: building.yearBuilt })}</span>
        )}
      </h3>
      {building.units.length === 0 ? (
        <p className="muted">{t('property.noUnits')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--cards" role="table">
            <caption className="visually-hidden">
              {t('property.units.caption', { building: building.label })}
            </caption>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">
                  {t('property.units.label')}
                </th>
                <th role="columnheader" scope="col">
                  {t('property.units.floor')}
                </th>
                <th role="columnheader" scope="col" className="numeric">
                  {t('property.units.area')}
                </th>
                <th role="columnheader" scope="col" className="numeric">
                  {t('property.units.rooms')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {building.units.map((unit) => (
                <tr key={unit.id} role="row" data-testid="unit-row">
                  <th role="rowheader" scope="row">
                    {unit.label}
                  </th>
                  <td role="cell" data-label={t('property.units.floor')}>
                    {floorText(t, unit.floor)}
                  </td>
                  <td role="cell" className="numeric nowrap" data-label={t('property.units.area')}>
                    {unit.areaM2 === null
                      ? t('common.none')
                      : `${formatNumber(unit.areaM2, language)} m²`}
                  </td>
                  <td role="cell" className="numeric" data-label={t('property.units.rooms')}>
                    {unit.rooms === null ? t('common.none') : formatNumber(unit.rooms, language, 1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Ownerships({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const ownerships = useResource(
    (signal) => api.propertyOwnerships(propertyId, signal),
    [propertyId],
  );
  const items = ownerships.data?.items;
  return (
    <section className="card detail-grid__wide" aria-labelledby="section-ownerships">
      <h2 id="section-ownerships">{t('property.sections.ownerships')}</h2>
      {ownerships.loading && <Loading />}
      {ownerships.error !== undefined && (
        <LoadError error={ownerships.error} onRetry={ownerships.reload} />
      )}
      {items && items.length === 0 && <p className="muted">{t('property.ownerships.none')}</p>}
      {items && items.length > 0 && (
        <OwnershipTable
          items={items}
          caption={t('property.ownerships.caption')}
          subjectHeader={t('property.ownerships.landlord')}
          subject={(ownership) => (
            <Link to={paths.landlord(ownership.landlord.id)}>{ownership.landlord.name}</Link>
          )}
          rowTestId="ownership-row"
          withStatus
        />
      )}
    </section>
  );
}
