import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@sanshen/kernel';
import type { ReviewDelegation } from '../domain/review-delegation.js';

/**
 * A reviewer's duties delegated to a named user for a period. The delegator's review roles and scope
 * are captured from their actor at creation: the delegate acts with them, for that period only.
 */
@Entity({ name: 'review_delegations' })
export class ReviewDelegationOrmEntity implements ReviewDelegation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'from_user_id' })
  fromUserId!: string;

  @Column('text', { name: 'from_name' })
  fromName!: string;

  @Column('uuid', { name: 'to_user_id' })
  toUserId!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('uuid', { array: true })
  oversees!: string[];

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
