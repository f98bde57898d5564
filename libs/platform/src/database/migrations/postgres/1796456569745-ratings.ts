import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Ratings1796456569745 implements MigrationInterface {
  name = 'Ratings1796456569745';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rating\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"project_id\" uuid NOT NULL, \"enterprise_id\" uuid NOT NULL, \"provider_id\" uuid NOT NULL, \"district\" character varying(32) NOT NULL, \"quality\" integer NOT NULL, \"timeliness\" integer NOT NULL, \"service\" integer NOT NULL, \"score\" double precision NOT NULL, \"text\" text, \"status\" character varying(16) NOT NULL, \"reply\" text, \"replied_by\" uuid, \"replied_at\" TIMESTAMP, \"appeal\" text, \"rated_by\" uuid NOT NULL, \"rated_at\" TIMESTAMP NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"UQ_10a0628ab3843b2342e35c40df8\" UNIQUE (\"project_id\"), CONSTRAINT \"PK_ecda8ad32645327e4765b43649e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1ee4bf3a7362a385fb54c8ceb4\" ON \"rating\"  (\"district\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3d0618dc1fb7f122a0bd01391f\" ON \"rating\"  (\"provider_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3d0618dc1fb7f122a0bd01391f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1ee4bf3a7362a385fb54c8ceb4\"");
    await queryRunner.query("DROP TABLE \"rating\"");
  }
}
