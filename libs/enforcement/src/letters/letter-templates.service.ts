import { Injectable } from '@nestjs/common';
import {
  AuditTrail,
  canonicalJson,
  NotFoundProblem,
  RequestContext,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import {
  LetterTemplateDto,
  LetterTemplateListDto,
  type UpdateLetterTemplateDto,
} from './dto/letter-template.dto';
import { templateProblems } from './letter-template-check';
import { isLetterTemplateKey, type LetterTemplateContent } from './letter-template-content';
import { LetterTemplateRepository } from './letter-template.repository';
import type { LetterTemplate } from './letter-template.entity';

/** What the audit trail keeps of a template version (templates hold no personal data). */
function auditView(template: LetterTemplate): Record<string, unknown> {
  return { key: template.key, version: template.version, content: template.content };
}

/** The letter templates: the wording of hearings and orders, edited by admins as new versions. */
@Injectable()
export class LetterTemplatesService {
  constructor(
    private readonly templates: LetterTemplateRepository,
    private readonly audit: AuditTrail,
    private readonly context: RequestContext,
  ) {}

  async list(): Promise<LetterTemplateListDto> {
    const items = (await this.templates.current()).map((t) => LetterTemplateDto.from(t));
    return { items, total: items.length };
  }

  async get(key: string): Promise<LetterTemplateDto> {
    return LetterTemplateDto.from(await this.current(key, { lock: false }));
  }

  /** The current version of a template (404 for a key that is none, or not installed). */
  async current(key: string, options: { lock: boolean }): Promise<LetterTemplate> {
    const template = isLetterTemplateKey(key) ? await this.templates.currentOf(key, options) : null;
    if (!template) throw new NotFoundProblem('Letter template');
    return template;
  }

  /**
   * A change is a new version; letters keep the version they were rendered from. The parts
   * given replace the current ones; the whole template must pass `templateProblems`.
   */
  @Transactional()
  async update(
    key: string,
    expectedVersion: number,
    changes: UpdateLetterTemplateDto,
  ): Promise<LetterTemplateDto> {
    const current = await this.current(key, { lock: true });
    if (current.version !== expectedVersion) {
      throw new StaleVersionProblem(LetterTemplateDto.from(current));
    }
    const given = Object.entries(changes).filter(([, value]) => value !== undefined);
    const cleared = given.filter(([, value]) => value === null);
    if (cleared.length) {
      throw new ValidationProblem(
        cleared.map(([field]) => ({ field, message: 'must not be null' })),
      );
    }
    const content: LetterTemplateContent = { ...current.content, ...Object.fromEntries(given) };
    const problems = templateProblems(current.key, content);
    if (problems.length) throw new ValidationProblem(problems);
    if (canonicalJson(content) === canonicalJson(current.content)) {
      return LetterTemplateDto.from(current);
    }

    const next = await this.templates.insert({
      key: current.key,
      version: current.version + 1,
      content,
      createdBy: this.context.actorId,
    });
    await this.audit.record({
      action: 'letter_template.updated',
      entityType: 'letter_template',
      entityId: current.key,
      before: auditView(current),
      after: auditView(next),
    });
    return LetterTemplateDto.from(next);
  }

  /** A version by id, current or not: an issued letter names the one it was rendered from. */
  async version(id: string): Promise<LetterTemplate> {
    const template = await this.templates.findVersion(id);
    if (!template) throw new NotFoundProblem('Letter template');
    return template;
  }
}
