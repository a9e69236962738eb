import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type FieldError, type User } from '../api';

/** What went wrong, kept as data so that it is shown in the language chosen now. */
type SignInError =
  | { kind: 'invalidCredentials' }
  | { kind: 'tooManyAttempts'; retryAfterSeconds?: number }
  | { kind: 'validation'; fields: FieldError[] }
  | { kind: 'network' }
  | { kind: 'server'; message: string };

function toSignInError(error: unknown): SignInError {
  if (!(error instanceof ApiError)) return { kind: 'server', message: String(error) };
  if (error.isNetworkError) return { kind: 'network' };
  switch (error.status) {
    case 401:
      return { kind: 'invalidCredentials' };
    case 429:
      return { kind: 'tooManyAttempts', retryAfterSeconds: error.retryAfterSeconds };
    case 400:
    case 422:
      return { kind: 'validation', fields: error.problem?.errors ?? [] };
    default:
      return { kind: 'server', message: error.serverText ?? `HTTP ${error.status}` };
  }
}

interface Props {
  onSignedIn: (user: User) => void;
}

export function SignInForm({ onSignedIn }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await api.login(email.trim(), password);
      onSignedIn(user);
    } catch (caught) {
      const next = toSignInError(caught);
      setError(next);
      setSubmitting(false);
      if (next.kind === 'invalidCredentials') {
        setPassword('');
        passwordRef.current?.focus();
      }
    }
  }

  const fieldErrors = error?.kind === 'validation' ? error.fields : [];
  const fieldMessage = (field: 'email' | 'password') =>
    fieldErrors
      .filter((item) => item.field === field)
      .map((item) => item.message)
      .join(' ') || undefined;
  const emailError = fieldMessage('email');
  const passwordError = fieldMessage('password');

  function errorText(value: SignInError): string {
    switch (value.kind) {
      case 'invalidCredentials':
        return t('signIn.errors.invalidCredentials');
      case 'tooManyAttempts':
        return value.retryAfterSeconds === undefined
          ? t('signIn.errors.tooManyAttemptsNoTime')
          : t('signIn.errors.tooManyAttempts', { count: value.retryAfterSeconds });
      case 'validation': {
        // Messages for fields this form does not show are added to the summary.
        const other = value.fields
          .filter((item) => item.field !== 'email' && item.field !== 'password')
          .map((item) => item.message);
        return [t('signIn.errors.validation'), ...other].join(' ');
      }
      case 'network':
        return t('signIn.errors.network');
      case 'server':
        return t('signIn.errors.server', { message: value.message });
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      <form
        className="form"
        method="post"
        onSubmit={(event) => void submit(event)}
        data-testid="signin-form"
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {error && (
          <p
            id={`${id}-error`}
            className="banner banner--error"
            role="alert"
            data-testid="signin-error"
          >
            {errorText(error)}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${id}-email-error` : undefined}
          />
          {emailError && (
            <p id={`${id}-email-error`} className="field__error">
              {emailError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? `${id}-password-error` : undefined}
          />
          {passwordError && (
            <p id={`${id}-password-error`} className="field__error">
              {passwordError}
            </p>
          )}
        </div>
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={submitting}
        >
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
