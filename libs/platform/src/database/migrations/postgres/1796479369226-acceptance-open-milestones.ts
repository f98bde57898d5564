import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AcceptanceOpenMilestones1796479369226 implements MigrationInterface {
  name = 'AcceptanceOpenMilestones1796479369226';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"project_acceptance\" ADD \"open_milestones\" text NOT NULL DEFAULT '[]'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"project_acceptance\" DROP COLUMN \"open_milestones\"");
  }
}
