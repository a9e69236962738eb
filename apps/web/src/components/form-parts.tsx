// Parts every form shares: a labelled field, the required mark, a field's server errors.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api';

export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="required" title={t('common.required')}>
      <span aria-hidden="true"> *</span>
    </span>
  );
}

interface FieldProps {
  label: string;
  htmlFor: string;
  required?: boolean;
  className?: string;
  children: ReactNode;
}

export function Field({ label, htmlFor, required = false, className, children }: FieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={htmlFor}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children}
    </div>
  );
}

export function FieldErrorText({
  id,
  path,
  messages,
}: {
  id: string;
  path: string;
  messages: string[];
}) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field__error" data-testid={`field-error-${path}`}>
      {messages.join(' ')}
    </p>
  );
}

/** Why a save failed, as a form shows it. */
export type SaveError =
  | { kind: 'validation' }
  | { kind: 'network' }
  | { kind: 'forbidden' }
  | { kind: 'busy' }
  | { kind: 'conflict'; message: string }
  | { kind: 'server'; message: string };

interface BannerProps {
  error: SaveError;
  fieldErrors: FieldError[];
  labelOf: (path: string) => string;
  targetOf: (path: string) => string | undefined;
  forbiddenText: string;
}

/** What went wrong with a save: the field list (each a link to its field) or one sentence. */
export function FormErrorBanner({
  error,
  fieldErrors,
  labelOf,
  targetOf,
  forbiddenText,
}: BannerProps) {
  const { t } = useTranslation();
  switch (error.kind) {
    case 'validation':
      return (
        <div className="banner banner--error" role="alert" data-testid="form-error">
          <p className="banner__title">{t('propertyForm.errors.summary')}</p>
          <ul className="error-list">
            {fieldErrors.map((item, index) => {
              const target = targetOf(item.field);
              const text = `${labelOf(item.field)}: ${item.message}`;
              return (
                <li key={`${item.field}-${index}`}>
                  {target ? (
                    <a
                      href={`#${target}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(target)?.focus();
                      }}
                    >
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      );
    case 'network':
      return (
        <p className="banner banner--error" role="alert" data-testid="form-error">
          {t('propertyForm.errors.network')}
        </p>
      );
    case 'forbidden':
      return (
        <p className="banner banner--error" role="alert" data-testid="form-error">
          {forbiddenText}
        </p>
      );
    case 'busy':
      return (
        <p className="banner banner--error" role="alert" data-testid="form-error">
          {t('propertyForm.errors.busy')}
        </p>
      );
    case 'conflict':
      return (
        <p className="banner banner--error" role="alert" data-testid="form-error">
          {error.message}
        </p>
      );
    case 'server':
      return (
        <p className="banner banner--error" role="alert" data-testid="form-error">
          {t('propertyForm.errors.server', { message: error.message })}
        </p>
      );
  }
}
