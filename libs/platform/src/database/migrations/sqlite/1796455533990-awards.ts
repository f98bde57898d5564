import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Awards1796455533990 implements MigrationInterface {
  name = 'Awards1796455533990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"nomination\" (\"id\" varchar PRIMARY KEY NOT NULL, \"category\" varchar(24) NOT NULL, \"subject_id\" varchar NOT NULL, \"live_subject_key\" varchar(64), \"nominee_id\" varchar NOT NULL, \"enterprise_id\" varchar, \"industry\" varchar(32), \"district\" varchar(32) NOT NULL, \"title\" varchar(120) NOT NULL, \"summary\" text NOT NULL, \"evidence\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"scores\" text NOT NULL, \"review_score\" double precision, \"notice_starts_at\" datetime, \"notice_ends_at\" datetime, \"objections\" text NOT NULL, \"award_fen\" bigint, \"awarded_at\" datetime, \"history\" text NOT NULL, \"nominated_by\" varchar NOT NULL, \"nominated_at\" datetime NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_2dd83eb30dfc25356fbf2aa5f5b\" UNIQUE (\"live_subject_key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ebb7a36bcb4dad01a42c3de3ff\" ON \"nomination\" (\"enterprise_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_db7165b7b921a8ef2300195c97\" ON \"nomination\" (\"district\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_830313dfe4e84c2d8283a5e394\" ON \"nomination\" (\"status\", \"category\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_830313dfe4e84c2d8283a5e394\"");
    await queryRunner.query("DROP INDEX \"IDX_db7165b7b921a8ef2300195c97\"");
    await queryRunner.query("DROP INDEX \"IDX_ebb7a36bcb4dad01a42c3de3ff\"");
    await queryRunner.query("DROP TABLE \"nomination\"");
  }
}
