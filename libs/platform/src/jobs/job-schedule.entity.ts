import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../database/column-types.js';

/** When a recurring job runs next; one row per schedule, shared by every process. */
@Entity('job_schedule')
export class JobSchedule {
  @PrimaryColumn({ length: 120 })
  job!: string;

  @Column({ type: 'integer' })
  everySeconds!: number;

  @TimeColumn()
  nextRunAt!: Date;

  @TimeColumn({ nullable: true })
  lastRunAt!: Date | null;
}
