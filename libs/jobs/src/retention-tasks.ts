import { Injectable } from '@nestjs/common';

/** Deletes what has outlived its retention and returns how many rows it removed. */
export type RetentionTask = (now: Date) => Promise<number>;

/**
 * What the nightly housekeeping job runs besides the backbone's own tables. Other libs'
 * purges are wired in by the worker, so that no lib needs to depend on `jobs` for this.
 */
@Injectable()
export class RetentionTasks {
  private readonly tasks = new Map<string, RetentionTask>();

  register(name: string, task: RetentionTask): void {
    if (this.tasks.has(name)) throw new Error(`Retention task ${name} is already registered`);
    this.tasks.set(name, task);
  }

  entries(): Array<[string, RetentionTask]> {
    return [...this.tasks.entries()];
  }
}
