import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceFees1796457441050 implements MigrationInterface {
  name = 'ServiceFees1796457441050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_fee\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enterprise_id\" uuid NOT NULL, \"district\" character varying(32) NOT NULL, \"kind\" character varying(24) NOT NULL, \"amount_fen\" bigint NOT NULL, \"service_organisation_name\" character varying(200) NOT NULL, \"service_organisation_id\" uuid, \"paid_at\" TIMESTAMP NOT NULL, \"reference\" character varying(100), \"recorded_by\" uuid NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_70d082964aaa4bf193c2b1276e9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ebe795faaf500f61366716938e\" ON \"service_fee\"  (\"district\", \"paid_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6fc283f3058ba030e08085130e\" ON \"service_fee\"  (\"service_organisation_name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f1623f8820d7ac09ee87e49816\" ON \"service_fee\"  (\"enterprise_id\", \"kind\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f1623f8820d7ac09ee87e49816\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6fc283f3058ba030e08085130e\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ebe795faaf500f61366716938e\"");
    await queryRunner.query("DROP TABLE \"service_fee\"");
  }
}
