import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint.transformer.js';

/** The single row every append locks FOR UPDATE: the global chain's last position and hash. */
@Entity({ name: 'ledger_head' })
export class LedgerHeadOrmEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  position!: number;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
