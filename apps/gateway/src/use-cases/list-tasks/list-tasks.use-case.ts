import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC, PUBLICATION_RPC, REVIEW_RPC, SECRECY_RPC, TASK_KINDS } from '@sanshen/contracts';
import type { DocumentSummaryList, InboxView, ServiceTask, ServiceTaskList, TaskCountsView, TaskItem, TaskListView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import { ServiceCalls } from '../../adapters/http/service-calls.js';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';

type Source = (context: RequestContext) => Promise<ServiceTask[]>;

/**
 * One task list (待办) per person, from every service that holds some of their tasks: the review
 * levels' (review, delegated ones included), the secrecy officer's (secrecy), the publisher's and the
 * principal's (publication). Rows carry names — title, kind, 栏目, author and department — for the
 * documents the caller may read (drafting decides); overdue review tasks come first. A service that
 * does not answer leaves its tasks out; when none of the caller's sources answers, 503.
 */
@Injectable()
export class ListTasksUseCase {
  constructor(
    private readonly services: ServiceCalls,
    private readonly organisation: OrganisationRepository,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(context: RequestContext, now = new Date()): Promise<TaskListView> {
    const sources = this.sourcesFor(context);
    if (sources.length === 0) return { items: [] };
    const lists = await Promise.all(sources.map((source) => source(context).catch((error: unknown) => this.unavailable(error, context))));
    const answered = lists.filter((list) => list !== null);
    if (answered.length === 0) throw new DomainError('SERVICE.UNAVAILABLE');
    const tasks = answered.flat();
    if (tasks.length === 0) return { items: [] };
    const summaries = await this.services.send<DocumentSummaryList>(DRAFTING_RPC.summaries, context, { documentIds: tasks.map((task) => task.documentId) });
    const documents = new Map(summaries.items.map((summary) => [summary.id, summary]));
    const names = await this.organisation.namesOf(
      context.actor.agencyId,
      [...new Set(summaries.items.map((summary) => summary.authorId))],
      [...new Set(summaries.items.map((summary) => summary.departmentId))],
    );
    const items = tasks.flatMap((task): TaskItem[] => {
      const document = documents.get(task.documentId);
      if (document === undefined) return [];
      const overdue = task.kind === 'review' && task.dueAt !== null && Date.parse(task.dueAt) < now.getTime();
      return [
        {
          ...task,
          title: document.title,
          documentKind: document.kind,
          column: document.column,
          authorName: names.users.get(document.authorId) ?? '',
          departmentName: names.departments.get(document.departmentId) ?? '',
          // Review tasks: the findings counted when the version was submitted (explained by the drafter).
          openFindings: task.openFindings ?? (task.kind === 'review' ? document.openFindings : null),
          overdue,
        },
      ];
    });
    items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || Date.parse(a.arrivedAt) - Date.parse(b.arrivedAt));
    return { items };
  }

  async counts(context: RequestContext, now = new Date()): Promise<TaskCountsView> {
    const { items } = await this.execute(context, now);
    const byKind = Object.fromEntries(TASK_KINDS.map((kind) => [kind, 0])) as TaskCountsView['byKind'];
    for (const item of items) byKind[item.kind] += 1;
    return { total: items.length, overdue: items.filter((item) => item.overdue).length, byKind };
  }

  private sourcesFor(context: RequestContext): Source[] {
    const { roles, delegatedDuties } = context.actor;
    const sources: Source[] = [];
    if (roles.some((role) => role === 'dept_head' || role === 'deputy' || role === 'principal') || (delegatedDuties ?? []).length > 0) {
      sources.push((ctx) => this.reviewTasks(ctx));
    }
    if (roles.includes('secrecy_officer')) sources.push((ctx) => this.serviceTasks(SECRECY_RPC.tasks, ctx));
    if (roles.includes('publisher') || roles.includes('principal')) sources.push((ctx) => this.serviceTasks(PUBLICATION_RPC.tasks, ctx));
    return sources;
  }

  private async reviewTasks(context: RequestContext): Promise<ServiceTask[]> {
    const inbox = await this.services.send<InboxView>(REVIEW_RPC.inbox, context, {});
    return inbox.items.map((item) => ({
      kind: 'review',
      documentId: item.documentId,
      version: item.version,
      level: item.level,
      arrivedAt: item.openedAt,
      dueAt: item.dueAt,
      openFindings: null,
      note: null,
      onBehalfOf: item.onBehalfOf ?? null,
    }));
  }

  private async serviceTasks(pattern: string, context: RequestContext): Promise<ServiceTask[]> {
    return (await this.services.send<ServiceTaskList>(pattern, context, {})).items;
  }

  private unavailable(error: unknown, context: RequestContext): null {
    if (!(error instanceof DomainError) || error.code !== 'SERVICE.UNAVAILABLE') throw error;
    this.logger.warn({ details: error.details, correlationId: context.correlationId }, 'tasks: a service is unavailable, listing the others');
    return null;
  }
}
