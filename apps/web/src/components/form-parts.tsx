// Parts every form shares: a labelled field, the required mark, a field's server errors, the
// ids that tie them together, the focus after a failed save and the banner that says why.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api';
import { normalizePath } from '../ids';

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

/** What ties a control to its label, hint and errors. */
export interface FieldAttributes {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A form's ids and error lookups, all derived from a field's path (`addresses.0.street`). */
export function fieldPlumbing(formId: string, fieldErrors: FieldError[]) {
  const inputId = (path: string): string => `${formId}-${path.replace(/\./g, '-')}`;
  const errorId = (path: string): string => `${inputId(path)}-error`;
  const messagesFor = (path: string): string[] =>
    fieldErrors.filter((error) => error.field === path).map((error) => error.message);
  const hasError = (path: string): boolean => fieldErrors.some((error) => error.field === path);

  /** Props that tie an input to its label, hint and errors (own path plus group paths). */
  function fieldProps(
    path: string,
    options: { hint?: boolean; groups?: string[] } = {},
  ): FieldAttributes {
    const related = [path, ...(options.groups ?? [])].filter(hasError);
    const describedBy = [
      ...(options.hint ? [`${inputId(path)}-hint`] : []),
      ...related.map(errorId),
    ];
    return {
      id: inputId(path),
      name: path,
      'aria-invalid': related.length > 0 ? true : undefined,
      'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
    };
  }

  const errorsOf = (path: string): ReactNode => (
    <FieldErrorText id={errorId(path)} path={path} messages={messagesFor(path)} />
  );

  return { inputId, errorId, messagesFor, hasError, fieldProps, errorsOf };
}

export type FieldPlumbing = ReturnType<typeof fieldPlumbing>;

/** The errors without those `drop` names; the same array when none goes, so nothing re-renders. */
export function withoutErrors(errors: FieldError[], drop: (path: string) => boolean): FieldError[] {
  const next = errors.filter((error) => !drop(error.field));
  return next.length === errors.length ? errors : next;
}

/** '' → undefined; "54,5" → 54.5; text that is no number → NaN, which the server refuses. */
export function numberOf(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed.replace(',', '.'));
}

/** The message area of a form, and `focusSummary()` to move the keyboard there after a save. */
export function useSummaryFocus() {
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);
  const focusSummary = useCallback(() => setSummaryFocus((value) => value + 1), []);
  return { summaryRef, focusSummary };
}

/** Focus the element with this id once the next render has put it on the page. */
export function useFocusTarget(): (id: string) => void {
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  return setFocusTarget;
}

interface FormFrameProps {
  labelledBy: string;
  testId: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  /** From `useSummaryFocus`: the message area that takes the focus after a failed save. */
  summaryRef: RefObject<HTMLDivElement | null>;
  messages: ReactNode;
  children: ReactNode;
}

/** A form that saves: its message area and the note on required fields above the fields. */
export function FormFrame({
  labelledBy,
  testId,
  onSubmit,
  summaryRef,
  messages,
  children,
}: FormFrameProps) {
  const { t } = useTranslation();
  return (
    <form
      className="form form--wide"
      method="post"
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={(event) => void onSubmit(event)}
      data-testid={testId}
    >
      <div ref={summaryRef} tabIndex={-1} className="form__messages">
        {messages}
      </div>
      <p className="muted small">{t('propertyForm.requiredNote')}</p>
      {children}
    </form>
  );
}

/**
 * Why a save failed, as a form shows it. `stale` (412) only where the form sends the version it
 * edited; `current` is the record as saved now, when it could be read.
 */
export type SaveError<Current extends { version: number } = never> =
  | { kind: 'validation' }
  | { kind: 'stale'; current: Current | undefined }
  | { kind: 'network' }
  | { kind: 'forbidden' }
  | { kind: 'busy' }
  | { kind: 'conflict'; message: string }
  | { kind: 'server'; message: string };

/** An answer the form has no words of its own for: the server's, or the status. */
export const serverError = (error: ApiError): { kind: 'server'; message: string } => ({
  kind: 'server',
  message: error.serverText ?? `HTTP ${error.status}`,
});

/**
 * A 400/422: its field errors (paths spelled `a.0.b`, then as `rename` makes them) and the
 * banner, which lists them, or without any says what the server said.
 */
export function refusalOf(
  error: ApiError,
  rename: (path: string) => string = (path) => path,
): {
  fieldErrors: FieldError[];
  saveError: { kind: 'validation' } | { kind: 'server'; message: string };
} {
  const fieldErrors = (error.problem?.errors ?? []).map((item) => ({
    field: rename(normalizePath(item.field)),
    message: item.message,
  }));
  return {
    fieldErrors,
    saveError: fieldErrors.length > 0 ? { kind: 'validation' } : serverError(error),
  };
}

interface BannerProps<Current extends { version: number }> {
  error: SaveError<Current>;
  fieldErrors: FieldError[];
  /** A field's name for the list; without one the list names the path. */
  labelOf: (path: string) => string | undefined;
  targetOf: (path: string) => string | undefined;
  forbiddenText: string;
  /** For `stale`: the record as saved now, so the user can compare before loading it. */
  currentValues?: (current: Current) => ReactNode;
  onLoadCurrent?: (current: Current) => void;
}

/** What went wrong with a save: the field list (each a link to its field) or one sentence. */
export function FormErrorBanner<Current extends { version: number } = never>({
  error,
  fieldErrors,
  labelOf,
  targetOf,
  forbiddenText,
  currentValues,
  onLoadCurrent,
}: BannerProps<Current>) {
  const { t } = useTranslation();
  switch (error.kind) {
    case 'validation':
      return (
        <div className="banner banner--error" role="alert" data-testid="form-error">
          <p className="banner__title">{t('propertyForm.errors.summary')}</p>
          <ul className="error-list">
            {fieldErrors.map((item, index) => {
              const target = targetOf(item.field);
              const text = `${labelOf(item.field) || item.field}: ${item.message}`;
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
    case 'stale': {
      const current = error.current;
      return (
        <div className="banner banner--error stack" role="alert" data-testid="stale-error">
          <p className="banner__title">{t('propertyForm.errors.stale.title')}</p>
          {current ? (
            <>
              <p>{t('propertyForm.errors.stale.text', { version: current.version })}</p>
              {currentValues?.(current)}
              {onLoadCurrent && (
                <p>
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => onLoadCurrent(current)}
                    data-testid="load-current"
                  >
                    {t('propertyForm.errors.stale.reload')}
                  </button>
                </p>
              )}
            </>
          ) : (
            <p>{t('errors.network')}</p>
          )}
        </div>
      );
    }
    case 'network':
      return <ErrorLine>{t('propertyForm.errors.network')}</ErrorLine>;
    case 'forbidden':
      return <ErrorLine>{forbiddenText}</ErrorLine>;
    case 'busy':
      return <ErrorLine>{t('propertyForm.errors.busy')}</ErrorLine>;
    case 'conflict':
      return <ErrorLine>{error.message}</ErrorLine>;
    case 'server':
      return <ErrorLine>{t('propertyForm.errors.server', { message: error.message })}</ErrorLine>;
  }
}

function ErrorLine({ children }: { children: ReactNode }) {
  return (
    <p className="banner banner--error" role="alert" data-testid="form-error">
      {children}
    </p>
  );
}
