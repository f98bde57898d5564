import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckInTokens1796503965219 implements MigrationInterface {
  name = 'CheckInTokens1796503965219';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"event_registration\" ADD \"check_in_code\" character varying(8)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b7ee6433e306376c75a4974f9b\" ON \"event_registration\"  (\"event_id\", \"check_in_code\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b7ee6433e306376c75a4974f9b\"");
    await queryRunner.query("ALTER TABLE \"event_registration\" DROP COLUMN \"check_in_code\"");
  }
}
