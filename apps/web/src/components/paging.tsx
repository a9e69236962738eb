// "Previous" and "next" links of a paged list; nothing when there is only one page.
import { useTranslation } from 'react-i18next';
import { Link } from '../router';

interface Props {
  /** Offsets of the neighbouring pages; undefined where there is none. */
  previous: number | undefined;
  next: number | undefined;
  href: (offset: number) => string;
}

export function PagingNav({ previous, next, href }: Props) {
  const { t } = useTranslation();
  if (previous === undefined && next === undefined) return null;
  return (
    <nav className="paging" aria-label={t('properties.paging.label')}>
      {previous !== undefined && (
        <Link className="button button--secondary" to={href(previous)} rel="prev">
          {t('properties.paging.previous')}
        </Link>
      )}
      {next !== undefined && (
        <Link className="button button--secondary paging__next" to={href(next)} rel="next">
          {t('properties.paging.next')}
        </Link>
      )}
    </nav>
  );
}
