import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of who did what to which document, and from which state to which. */
@Entity('audit_event')
@Index(['entityType', 'entityId'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'int' })
  entityId: number;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  fromState: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  toState: string | null;

  @Column({ type: 'simple-json', nullable: true })
  data: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
