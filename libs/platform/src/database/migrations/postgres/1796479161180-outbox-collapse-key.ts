import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxCollapseKey1796479161180 implements MigrationInterface {
  name = 'OutboxCollapseKey1796479161180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"outbox_message\" ADD \"collapse_key\" character varying(200)");
    await queryRunner.query("CREATE INDEX \"IDX_f592dca3864c87e103dbcf6fa0\" ON \"outbox_message\"  (\"job\", \"collapse_key\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f592dca3864c87e103dbcf6fa0\"");
    await queryRunner.query("ALTER TABLE \"outbox_message\" DROP COLUMN \"collapse_key\"");
  }
}
