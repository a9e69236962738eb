// A tiny client-side router on the History API. The api answers every non-API GET path with
// index.html, so each route below also works on reload and as a bookmark.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'properties' }
  | { name: 'propertyNew' }
  | { name: 'property'; id: string }
  | { name: 'propertyEdit'; id: string }
  | { name: 'landlord'; id: string }
  | { name: 'today' }
  | { name: 'inspections' }
  | { name: 'inspectionNew' }
  | { name: 'inspection'; id: string }
  | { name: 'inspectionRecord'; id: string }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'hearingNew'; id: string }
  | { name: 'orderNew'; id: string }
  | { name: 'hearing'; id: string }
  | { name: 'order'; id: string }
  | { name: 'inbox' }
  | { name: 'map' }
  | { name: 'dashboard' }
  | { name: 'notFound' };

const segment = (id: string): string => encodeURIComponent(id);

/** Builders for every path the app links to; nothing else spells a path. */
export const paths = {
  properties: (search = ''): string => `/objekte${search}`,
  propertyNew: (): string => '/objekte/neu',
  property: (id: string): string => `/objekte/${segment(id)}`,
  propertyEdit: (id: string): string => `/objekte/${segment(id)}/bearbeiten`,
  landlord: (id: string): string => `/eigentuemer/${segment(id)}`,
  /** An inspector's (or officer's) day: `?datum=YYYY-MM-DD`, default today. */
  today: (day?: string): string => (day ? `/heute?datum=${day}` : '/heute'),
  inspections: (search = ''): string => `/begehungen${search}`,
  /** Planning; with a property it opens that property's form at once. */
  inspectionNew: (propertyId?: string): string =>
    propertyId ? `/begehungen/planen?objekt=${segment(propertyId)}` : '/begehungen/planen',
  inspection: (id: string): string => `/begehungen/${segment(id)}`,
  inspectionRecord: (id: string): string => `/begehungen/${segment(id)}/erfassen`,
  /** Cases (Vorgänge); the inbox's links use this path too. */
  cases: (search = ''): string => `/vorgaenge${search}`,
  case: (id: string): string => `/vorgaenge/${segment(id)}`,
  /** Drafting a hearing (Anhörung) of a case. */
  hearingNew: (caseId: string): string => `/vorgaenge/${segment(caseId)}/anhoerung`,
  /** Drafting an order (Anordnung) of a case. */
  orderNew: (caseId: string): string => `/vorgaenge/${segment(caseId)}/anordnung`,
  hearing: (id: string): string => `/anhoerungen/${segment(id)}`,
  order: (id: string): string => `/anordnungen/${segment(id)}`,
  inbox: (): string => '/posteingang',
  /** The problem-property map; filters and view in the query (map-api.ts). */
  map: (search = ''): string => `/karte${search}`,
  /** The manager's overview (Lagebild); `?bezirk=` names a district. */
  dashboard: (search = ''): string => `/uebersicht${search}`,
  /** The inspector's field app (offline-first PWA): today's route. */
  field: (): string => '/feld',
  fieldProperty: (inspectionId: string): string => `/feld/objekt/${segment(inspectionId)}`,
  fieldRecord: (inspectionId: string): string => `/feld/begehung/${segment(inspectionId)}`,
};

/** The field app's pages (/feld…) run as an app of their own (apps/web/src/field). */
export const isFieldPath = (pathname: string): boolean => /^\/feld(\/|$)/.test(pathname);

function decode(value: string): string | undefined {
  try {
    const decoded = decodeURIComponent(value);
    return decoded === '' ? undefined : decoded;
  } catch {
    return undefined;
  }
}

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'objekte') {
    if (parts.length === 1) return { name: 'properties' };
    if (parts.length === 2 && second === 'neu') return { name: 'propertyNew' };
    const id = decode(second);
    if (id && parts.length === 2) return { name: 'property', id };
    if (id && parts.length === 3 && third === 'bearbeiten') return { name: 'propertyEdit', id };
  }
  if (first === 'heute' && parts.length === 1) return { name: 'today' };
  if (first === 'begehungen') {
    if (parts.length === 1) return { name: 'inspections' };
    if (parts.length === 2 && second === 'planen') return { name: 'inspectionNew' };
    const id = decode(second);
    if (id && parts.length === 2) return { name: 'inspection', id };
    if (id && parts.length === 3 && third === 'erfassen') return { name: 'inspectionRecord', id };
  }
  if (first === 'vorgaenge') {
    if (parts.length === 1) return { name: 'cases' };
    const id = decode(second);
    if (id && parts.length === 2) return { name: 'case', id };
    if (id && parts.length === 3 && third === 'anhoerung') return { name: 'hearingNew', id };
    if (id && parts.length === 3 && third === 'anordnung') return { name: 'orderNew', id };
  }
  if ((first === 'anhoerungen' || first === 'anordnungen') && parts.length === 2) {
    const id = decode(second);
    if (id) return { name: first === 'anhoerungen' ? 'hearing' : 'order', id };
  }
  if (first === 'posteingang' && parts.length === 1) return { name: 'inbox' };
  if (first === 'karte' && parts.length === 1) return { name: 'map' };
  if (first === 'uebersicht' && parts.length === 1) return { name: 'dashboard' };
  if (first === 'eigentuemer' && parts.length === 2) {
    const id = decode(second);
    if (id) return { name: 'landlord', id };
  }
  return { name: 'notFound' };
}

// ---- the location as an external store --------------------------------------------------

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** The current path and query; re-renders on navigate() and on the browser's back/forward. */
export function useLocation(): { pathname: string; search: string } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { pathname: url.pathname, search: url.search };
}

/**
 * Goes to `to` (a path with optional query). `replace` changes the current history entry
 * (filters, after a save) instead of adding one.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const before = snapshot();
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!options.replace && new URL(to, window.location.origin).pathname !== before.split('?')[0]) {
    window.scrollTo(0, 0);
  }
  if (snapshot() !== before) listeners.forEach((listener) => listener());
}

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
}

/** An ordinary link (middle click, new tab and copy address work) that routes in the page. */
export function Link({ to, replace, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target && rest.target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    navigate(to, { replace });
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}
