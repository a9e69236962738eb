/**
 * Every 5xx answer of the suite, except those inside a window in which a test itself stopped a
 * server. setup-e2e.ts fails each test file that recorded one.
 */
const recorded: string[] = [];
let faultWindows = 0;

export function recordServerError(description: string): void {
  if (faultWindows === 0) recorded.push(description);
}

export function recordedServerErrors(): readonly string[] {
  return recorded;
}

/** Runs `fn` while 5xx answers are expected (a server was stopped on purpose). */
export async function duringFault<T>(fn: () => Promise<T>): Promise<T> {
  faultWindows++;
  try {
    return await fn();
  } finally {
    faultWindows--;
  }
}
