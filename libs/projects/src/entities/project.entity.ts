import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type { ProjectStatus } from '@smedx/contracts';

/** A party of the contract as it stood when the project was awarded. */
export interface ContractParty {
  name: string;
  uscc: string;
}

/** One line of the schedule the contract was signed with. */
export interface ContractScheduleItem {
  title: string;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  plannedDate: string;
}

/**
 * A transformation project (改造项目): what an award creates between an
 * enterprise and a provider, from the standard contract (标准化合同) to the
 * acceptance (验收测评).
 */
@Entity('project')
@Index(['enterpriseId', 'status'])
@Index(['providerId', 'status'])
@Index(['status', 'acceptedAt'])
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Printed on the contract; unique across the platform. */
  @Column({ length: 32, unique: true })
  contractNo!: string;

  @Column({ type: 'uuid' })
  needId!: string;

  /** One project per awarded bid. */
  @Column({ type: 'uuid', unique: true })
  bidId!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'uuid', nullable: true })
  solutionId!: string | null;

  @Column({ length: 200 })
  title!: string;

  @Column({ type: 'text' })
  scope!: string;

  @MoneyColumn()
  priceFen!: number;

  @Column({ type: 'int' })
  deliveryDays!: number;

  /**
   * The enterprise's district, copied at award: district officers read the
   * projects of their district without a join into the directory.
   */
  @Column({ length: 32 })
  district!: string;

  @Column({ length: 32 })
  industry!: string;

  /**
   * The parties as named in the contract. Copied, because a contract states
   * who signed it; a later rename of either organisation does not rewrite it.
   */
  @JsonColumn()
  enterpriseParty!: ContractParty;

  @JsonColumn()
  providerParty!: ContractParty;

  /** The milestones the contract was signed with (the live ones may be re-planned). */
  @JsonColumn()
  contractSchedule!: ContractScheduleItem[];

  /** `YYYY-MM-DD` (Asia/Shanghai) the work starts: the award day. */
  @Column({ length: 10 })
  startDate!: string;

  /** `YYYY-MM-DD`: start plus the delivery days of the bid. */
  @Column({ length: 10 })
  plannedEndDate!: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ProjectStatus;

  /** The enterprise's digital level at award, the "before" of the case. */
  @Column({ type: 'integer', nullable: true })
  levelBefore!: number | null;

  @TimeColumn({ nullable: true })
  acceptedAt!: Date | null;

  @TimeColumn({ nullable: true })
  cancelledAt!: Date | null;

  /** The enterprise member who awarded the bid. */
  @Column({ type: 'uuid' })
  awardedBy!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
