import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

const ACTOR_ID = 'actorId';

/**
 * Who is acting and under which correlation id, for the current request or job.
 * Carried by AsyncLocalStorage (nestjs-cls), so repositories deep down need no extra arguments.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get actorId(): string | null {
    return this.cls.isActive() ? (this.cls.get<string | undefined>(ACTOR_ID) ?? null) : null;
  }

  set actorId(id: string | null) {
    this.cls.set(ACTOR_ID, id ?? undefined);
  }

  get correlationId(): string | null {
    return this.cls.isActive() ? (this.cls.getId() ?? null) : null;
  }

  /** Runs `fn` in a fresh context, e.g. for a job or a CLI command, acting as `actorId` (null: the system). */
  run<T>(actorId: string | null, fn: () => Promise<T>): Promise<T> {
    return this.cls.run(async () => {
      this.actorId = actorId;
      return fn();
    });
  }
}
