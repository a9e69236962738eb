// The property filter of the case list: type an address, pick one of the register's matches.
// The cases api filters by property id only, so the address is resolved through /properties.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PropertySummary } from '../api';
import { addressLine } from '../format';

interface Props {
  id: string;
  address: string;
  propertyId: string;
  onChange: (address: string, propertyId: string) => void;
}

const debounceMs = 250;

export function PropertyFilter({ id, address, propertyId, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(address);
  const [matches, setMatches] = useState<PropertySummary[]>([]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setMatches([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.properties({ q, limit: 10 }, controller.signal).then(
        (page) => setMatches(page.items),
        () => undefined,
      );
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  function typed(value: string) {
    setText(value);
    if (value.trim() === '') {
      if (propertyId) onChange('', '');
      return;
    }
    const chosen = matches.find((match) => addressLine(match.primaryAddress) === value);
    if (chosen) onChange(value, chosen.id);
    else if (propertyId) onChange(value, '');
  }

  const unresolved = text.trim() !== '' && !propertyId;
  return (
    <div className="field">
      <label htmlFor={id}>{t('cases.address.label')}</label>
      <input
        id={id}
        type="search"
        list={`${id}-options`}
        autoComplete="off"
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(event) => typed(event.target.value)}
        data-testid="filter-address"
      />
      <datalist id={`${id}-options`}>
        {matches.map((match) => (
          <option key={match.id} value={addressLine(match.primaryAddress)} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="field__hint">
        {unresolved ? t('cases.address.pick') : t('cases.address.hint')}
      </p>
    </div>
  );
}
