import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Diagnosis1796048571216 implements MigrationInterface {
  name = 'Diagnosis1796048571216';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"diagnosis\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enterprise_id\" uuid NOT NULL, \"industry\" character varying(32) NOT NULL, \"district\" character varying(32) NOT NULL, \"kind\" character varying(16) NOT NULL, \"official\" boolean NOT NULL, \"advisory_reason\" character varying(32), \"filed_by\" uuid NOT NULL, \"questionnaire_version\" character varying(8) NOT NULL, \"answers\" text NOT NULL, \"scene_levels\" text NOT NULL, \"score\" double precision NOT NULL, \"level\" integer NOT NULL, \"below_level_one\" boolean NOT NULL, \"dimensions\" text NOT NULL, \"weakest\" text NOT NULL, \"suggestions\" text NOT NULL, \"created_at\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_d5dbb1cc4e30790df368da56961\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a98efb0f43c882f8ad8287914b\" ON \"diagnosis\"  (\"industry\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_37ed31f4168e520f5dc8a1d49f\" ON \"diagnosis\"  (\"enterprise_id\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_37ed31f4168e520f5dc8a1d49f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a98efb0f43c882f8ad8287914b\"");
    await queryRunner.query("DROP TABLE \"diagnosis\"");
  }
}
