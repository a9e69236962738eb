import { join } from 'node:path';
import { databaseUrl, testFilesDir } from './test-databases';

/**
 * Runs in every test worker before its test files: points the app at this worker's own database
 * and BullMQ prefix, so tests never touch the developer's database or unprefixed keys.
 */
const runId = process.env.HAUSAKTE_TEST_RUN;
if (runId) {
  const worker = process.env.JEST_WORKER_ID ?? '1';
  const base = process.env.HAUSAKTE_TEST_BASE_DATABASE_URL || undefined;
  process.env.DATABASE_URL = databaseUrl(`${runId}_w${worker}`, base);
  process.env.BULLMQ_PREFIX = `test_${runId}_w${worker}`;
  // Photos and letters of a run go to its own directory, removed with its databases (never a
  // developer's).
  process.env.PHOTO_STORAGE_DIR = join(testFilesDir(runId), `w${worker}`, 'photos');
  process.env.LETTER_STORAGE_DIR = join(testFilesDir(runId), `w${worker}`, 'letters');
  delete process.env.PHOTO_UPLOAD_DIR;
  // No test sends mail to a developer's SMTP sink: tests that want mail start their own
  // (startSmtpSink) and turn it on.
  process.env.MAIL_ENABLED = 'false';
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
}
