import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceFees1796457441050 implements MigrationInterface {
  name = 'ServiceFees1796457441050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_fee\" (\"id\" varchar PRIMARY KEY NOT NULL, \"enterprise_id\" varchar NOT NULL, \"district\" varchar(32) NOT NULL, \"kind\" varchar(24) NOT NULL, \"amount_fen\" bigint NOT NULL, \"service_organisation_name\" varchar(200) NOT NULL, \"service_organisation_id\" varchar, \"paid_at\" datetime NOT NULL, \"reference\" varchar(100), \"recorded_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_ebe795faaf500f61366716938e\" ON \"service_fee\" (\"district\", \"paid_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6fc283f3058ba030e08085130e\" ON \"service_fee\" (\"service_organisation_name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f1623f8820d7ac09ee87e49816\" ON \"service_fee\" (\"enterprise_id\", \"kind\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_f1623f8820d7ac09ee87e49816\"");
    await queryRunner.query("DROP INDEX \"IDX_6fc283f3058ba030e08085130e\"");
    await queryRunner.query("DROP INDEX \"IDX_ebe795faaf500f61366716938e\"");
    await queryRunner.query("DROP TABLE \"service_fee\"");
  }
}
