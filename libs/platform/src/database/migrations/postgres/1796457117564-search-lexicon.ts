import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchLexicon1796457117564 implements MigrationInterface {
  name = 'SearchLexicon1796457117564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"lexicon_entry\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" character varying(16) NOT NULL, \"term\" character varying(64) NOT NULL, \"values\" text NOT NULL, \"created_by\" character varying(36) NOT NULL, \"created_at\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_8cad3caf783aa83ebfefe02b450\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d9cb50b9edba46a7a81251266e\" ON \"lexicon_entry\"  (\"kind\", \"term\") ");
    await queryRunner.query("CREATE TABLE \"search_miss\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"target\" character varying(16) NOT NULL, \"query\" character varying(200) NOT NULL, \"terms\" text NOT NULL, \"scenarios\" text NOT NULL, \"industries\" text NOT NULL, \"filters\" text NOT NULL, \"total\" integer NOT NULL, \"at\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_ee2d73336815a1a500331a26e30\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_0d7c79887c29ad67961c328d27\" ON \"search_miss\"  (\"at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0d7c79887c29ad67961c328d27\"");
    await queryRunner.query("DROP TABLE \"search_miss\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d9cb50b9edba46a7a81251266e\"");
    await queryRunner.query("DROP TABLE \"lexicon_entry\"");
  }
}
