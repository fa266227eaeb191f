import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { DepartmentView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';

/** A new 科室 in the admin's own agency; names are unique within the agency. */
@Injectable()
export class CreateDepartmentUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, input: { name: string }, correlationId: string): Promise<DepartmentView> {
    requireAdmin(actor);
    const department: DepartmentView = { id: randomUUID(), agencyId: actor.agencyId, name: input.name.trim() };
    return this.organisation.transaction(async (manager) => {
      if (!(await this.organisation.insertDepartment(manager, department))) {
        throw new DomainError('IDENTITY.DEPARTMENT_EXISTS', { name: department.name });
      }
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'department.created',
        targetType: 'department',
        targetId: department.id,
        details: { name: department.name },
      });
      return department;
    });
  }
}
