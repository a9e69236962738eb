// What the enforcement forms share: sending one command, the server's refusal at the fields it
// names (problem+json `errors`), one banner for the rest, and an Idempotency-Key per body for
// creates (a retry of the same body sends the same key; a refused body gets a new one).
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api';
import { newUuid } from '../ids';
import { useSession } from '../session';
import {
  fieldPlumbing,
  FormErrorBanner,
  refusalOf,
  serverError,
  useSummaryFocus,
  withoutErrors,
  type SaveError,
} from './form-parts';

export function useCommandForm(formId: string) {
  const { expired } = useSession();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newUuid);
  const { summaryRef, focusSummary } = useSummaryFocus();
  const plumbing = fieldPlumbing(formId, fieldErrors);

  /** Runs the command once at a time; true when it succeeded. */
  async function run(command: (key: string) => Promise<unknown>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setSaveError(null);
    try {
      await command(idempotencyKey);
      setFieldErrors([]);
      setIdempotencyKey(newUuid());
      return true;
    } catch (error) {
      failed(error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function failed(error: unknown) {
    if (!(error instanceof ApiError)) {
      setSaveError({ kind: 'server', message: String(error) });
      focusSummary();
      return;
    }
    // The server refused this body; the next one differs, so it gets a key of its own.
    if (error.status >= 400 && error.status < 500 && error.status !== 409)
      setIdempotencyKey(newUuid());
    if (error.status === 401) return expired();
    if (error.isNetworkError) setSaveError({ kind: 'network' });
    else if (error.status === 400 || error.status === 422) {
      const refused = refusalOf(error);
      setFieldErrors(refused.fieldErrors);
      setSaveError(refused.saveError);
    } else if (error.status === 403) setSaveError({ kind: 'forbidden' });
    else if (error.status === 409 || error.status === 412)
      setSaveError({ kind: 'conflict', message: error.serverText ?? `HTTP ${error.status}` });
    else setSaveError(serverError(error));
    focusSummary();
  }

  /** Forget the errors of fields the user changed. */
  function touched(...paths: string[]) {
    setFieldErrors((errors) =>
      withoutErrors(errors, (path) => paths.some((p) => path === p || path.startsWith(`${p}.`))),
    );
  }

  return {
    busy,
    fieldErrors,
    saveError,
    summaryRef,
    plumbing,
    run,
    touched,
  };
}

export type CommandForm = ReturnType<typeof useCommandForm>;

/** The message area of a command form: the field list or the server's sentence. */
export function CommandMessages({
  form,
  labelOf,
}: {
  form: CommandForm;
  labelOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div ref={form.summaryRef} tabIndex={-1} className="form__messages">
      {form.saveError && (
        <FormErrorBanner
          error={form.saveError}
          fieldErrors={form.fieldErrors}
          labelOf={labelOf}
          targetOf={(path) => form.plumbing.inputId(path)}
          forbiddenText={t('enforcement.forbidden')}
        />
      )}
    </div>
  );
}

/** A small form for one step (issue, service, suit …) with its heading and its messages. */
export function StepForm({
  form,
  title,
  labelOf,
  onSubmit,
  testId,
  children,
}: {
  form: CommandForm;
  title: string;
  labelOf: (path: string) => string | undefined;
  onSubmit: () => Promise<void>;
  testId: string;
  children: ReactNode;
}) {
  const headingId = `${form.plumbing.inputId('form')}-title`;
  return (
    <form
      className="stack"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      data-testid={testId}
    >
      <h3 id={headingId}>{title}</h3>
      <CommandMessages form={form} labelOf={labelOf} />
      {children}
    </form>
  );
}
