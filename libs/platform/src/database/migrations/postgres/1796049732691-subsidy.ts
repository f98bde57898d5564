import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Subsidy1796049732691 implements MigrationInterface {
  name = 'Subsidy1796049732691';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"blacklist_entry\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enterprise_id\" uuid NOT NULL, \"reason\" text NOT NULL, \"from\" TIMESTAMP NOT NULL, \"until\" TIMESTAMP NOT NULL, \"source\" character varying(24) NOT NULL, \"application_id\" uuid, \"created_by\" uuid NOT NULL, \"lifted_at\" TIMESTAMP, \"lifted_by\" uuid, \"lift_reason\" text, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_a816102b8c3652b1419b359e4da\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_16f48401d93c1de8629b2baf27\" ON \"blacklist_entry\"  (\"enterprise_id\", \"until\") ");
    await queryRunner.query("CREATE TABLE \"subsidy_application\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enterprise_id\" uuid NOT NULL, \"project_id\" uuid NOT NULL, \"live_project_id\" uuid, \"district\" character varying(32) NOT NULL, \"level_after\" integer NOT NULL, \"lines\" text NOT NULL, \"total_investment_fen\" bigint NOT NULL, \"eligible_fen\" bigint NOT NULL, \"amount_fen\" bigint NOT NULL, \"approved_fen\" bigint, \"disbursed_fen\" bigint, \"clawback_fen\" bigint, \"status\" character varying(24) NOT NULL, \"history\" text NOT NULL, \"changes\" text NOT NULL, \"submitted_by\" uuid NOT NULL, \"submitted_at\" TIMESTAMP NOT NULL, \"approved_at\" TIMESTAMP, \"disbursed_at\" TIMESTAMP, \"payment_reference\" character varying(100), \"revoked_at\" TIMESTAMP, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"UQ_4c6ab99110690a11b4e4aeb88aa\" UNIQUE (\"live_project_id\"), CONSTRAINT \"PK_926b2e4d5d9412007bda0323b42\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_b1ac2e7c07acfc25611b47b7d8\" ON \"subsidy_application\"  (\"status\", \"submitted_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_534c0b512cacea3768fe19fd81\" ON \"subsidy_application\"  (\"district\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3403f7f31cc7680b26205e012d\" ON \"subsidy_application\"  (\"enterprise_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3403f7f31cc7680b26205e012d\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_534c0b512cacea3768fe19fd81\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b1ac2e7c07acfc25611b47b7d8\"");
    await queryRunner.query("DROP TABLE \"subsidy_application\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_16f48401d93c1de8629b2baf27\"");
    await queryRunner.query("DROP TABLE \"blacklist_entry\"");
  }
}
