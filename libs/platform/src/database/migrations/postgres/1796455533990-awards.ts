import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Awards1796455533990 implements MigrationInterface {
  name = 'Awards1796455533990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"nomination\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"category\" character varying(24) NOT NULL, \"subject_id\" uuid NOT NULL, \"live_subject_key\" character varying(64), \"nominee_id\" uuid NOT NULL, \"enterprise_id\" uuid, \"industry\" character varying(32), \"district\" character varying(32) NOT NULL, \"title\" character varying(120) NOT NULL, \"summary\" text NOT NULL, \"evidence\" text NOT NULL, \"status\" character varying(16) NOT NULL, \"scores\" text NOT NULL, \"review_score\" double precision, \"notice_starts_at\" TIMESTAMP, \"notice_ends_at\" TIMESTAMP, \"objections\" text NOT NULL, \"award_fen\" bigint, \"awarded_at\" TIMESTAMP, \"history\" text NOT NULL, \"nominated_by\" uuid NOT NULL, \"nominated_at\" TIMESTAMP NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"UQ_2dd83eb30dfc25356fbf2aa5f5b\" UNIQUE (\"live_subject_key\"), CONSTRAINT \"PK_52e10255e966818cbebfc0f1144\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ebb7a36bcb4dad01a42c3de3ff\" ON \"nomination\"  (\"enterprise_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_db7165b7b921a8ef2300195c97\" ON \"nomination\"  (\"district\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_830313dfe4e84c2d8283a5e394\" ON \"nomination\"  (\"status\", \"category\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_830313dfe4e84c2d8283a5e394\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_db7165b7b921a8ef2300195c97\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ebb7a36bcb4dad01a42c3de3ff\"");
    await queryRunner.query("DROP TABLE \"nomination\"");
  }
}
