import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Ratings1796456569745 implements MigrationInterface {
  name = 'Ratings1796456569745';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rating\" (\"id\" varchar PRIMARY KEY NOT NULL, \"project_id\" varchar NOT NULL, \"enterprise_id\" varchar NOT NULL, \"provider_id\" varchar NOT NULL, \"district\" varchar(32) NOT NULL, \"quality\" integer NOT NULL, \"timeliness\" integer NOT NULL, \"service\" integer NOT NULL, \"score\" double precision NOT NULL, \"text\" text, \"status\" varchar(16) NOT NULL, \"reply\" text, \"replied_by\" varchar, \"replied_at\" datetime, \"appeal\" text, \"rated_by\" varchar NOT NULL, \"rated_at\" datetime NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_10a0628ab3843b2342e35c40df8\" UNIQUE (\"project_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1ee4bf3a7362a385fb54c8ceb4\" ON \"rating\" (\"district\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3d0618dc1fb7f122a0bd01391f\" ON \"rating\" (\"provider_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_3d0618dc1fb7f122a0bd01391f\"");
    await queryRunner.query("DROP INDEX \"IDX_1ee4bf3a7362a385fb54c8ceb4\"");
    await queryRunner.query("DROP TABLE \"rating\"");
  }
}
