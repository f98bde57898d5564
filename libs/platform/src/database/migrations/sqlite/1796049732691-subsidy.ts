import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Subsidy1796049732691 implements MigrationInterface {
  name = 'Subsidy1796049732691';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"blacklist_entry\" (\"id\" varchar PRIMARY KEY NOT NULL, \"enterprise_id\" varchar NOT NULL, \"reason\" text NOT NULL, \"from\" datetime NOT NULL, \"until\" datetime NOT NULL, \"source\" varchar(24) NOT NULL, \"application_id\" varchar, \"created_by\" varchar NOT NULL, \"lifted_at\" datetime, \"lifted_by\" varchar, \"lift_reason\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_16f48401d93c1de8629b2baf27\" ON \"blacklist_entry\" (\"enterprise_id\", \"until\") ");
    await queryRunner.query("CREATE TABLE \"subsidy_application\" (\"id\" varchar PRIMARY KEY NOT NULL, \"enterprise_id\" varchar NOT NULL, \"project_id\" varchar NOT NULL, \"live_project_id\" varchar, \"district\" varchar(32) NOT NULL, \"level_after\" integer NOT NULL, \"lines\" text NOT NULL, \"total_investment_fen\" bigint NOT NULL, \"eligible_fen\" bigint NOT NULL, \"amount_fen\" bigint NOT NULL, \"approved_fen\" bigint, \"disbursed_fen\" bigint, \"clawback_fen\" bigint, \"status\" varchar(24) NOT NULL, \"history\" text NOT NULL, \"changes\" text NOT NULL, \"submitted_by\" varchar NOT NULL, \"submitted_at\" datetime NOT NULL, \"approved_at\" datetime, \"disbursed_at\" datetime, \"payment_reference\" varchar(100), \"revoked_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_4c6ab99110690a11b4e4aeb88aa\" UNIQUE (\"live_project_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_b1ac2e7c07acfc25611b47b7d8\" ON \"subsidy_application\" (\"status\", \"submitted_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_534c0b512cacea3768fe19fd81\" ON \"subsidy_application\" (\"district\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3403f7f31cc7680b26205e012d\" ON \"subsidy_application\" (\"enterprise_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_3403f7f31cc7680b26205e012d\"");
    await queryRunner.query("DROP INDEX \"IDX_534c0b512cacea3768fe19fd81\"");
    await queryRunner.query("DROP INDEX \"IDX_b1ac2e7c07acfc25611b47b7d8\"");
    await queryRunner.query("DROP TABLE \"subsidy_application\"");
    await queryRunner.query("DROP INDEX \"IDX_16f48401d93c1de8629b2baf27\"");
    await queryRunner.query("DROP TABLE \"blacklist_entry\"");
  }
}
