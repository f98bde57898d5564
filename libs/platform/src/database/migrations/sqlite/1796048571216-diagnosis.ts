import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Diagnosis1796048571216 implements MigrationInterface {
  name = 'Diagnosis1796048571216';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"diagnosis\" (\"id\" varchar PRIMARY KEY NOT NULL, \"enterprise_id\" varchar NOT NULL, \"industry\" varchar(32) NOT NULL, \"district\" varchar(32) NOT NULL, \"kind\" varchar(16) NOT NULL, \"official\" boolean NOT NULL, \"advisory_reason\" varchar(32), \"filed_by\" varchar NOT NULL, \"questionnaire_version\" varchar(8) NOT NULL, \"answers\" text NOT NULL, \"scene_levels\" text NOT NULL, \"score\" double precision NOT NULL, \"level\" integer NOT NULL, \"below_level_one\" boolean NOT NULL, \"dimensions\" text NOT NULL, \"weakest\" text NOT NULL, \"suggestions\" text NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_a98efb0f43c882f8ad8287914b\" ON \"diagnosis\" (\"industry\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_37ed31f4168e520f5dc8a1d49f\" ON \"diagnosis\" (\"enterprise_id\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_37ed31f4168e520f5dc8a1d49f\"");
    await queryRunner.query("DROP INDEX \"IDX_a98efb0f43c882f8ad8287914b\"");
    await queryRunner.query("DROP TABLE \"diagnosis\"");
  }
}
