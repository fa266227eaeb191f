import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ATTEMPT_OUTCOMES = ['succeeded', 'retrying', 'failed'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Every push attempt, whatever its outcome: the operator's view of what happened on the wire. */
@Entity({ name: 'publication_attempts' })
export class PublicationAttemptOrmEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'publication_id' })
  publicationId!: string;

  /** 1-based across all runs of the publication. */
  @Column('integer')
  attempt!: number;

  @Column('integer')
  run!: number;

  @Column('text', { name: 'job_id' })
  jobId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  outcome!: AttemptOutcome;

  @Column('integer', { name: 'http_status', nullable: true })
  httpStatus!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('integer', { name: 'duration_ms' })
  durationMs!: number;
}
