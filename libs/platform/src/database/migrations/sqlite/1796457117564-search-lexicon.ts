import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchLexicon1796457117564 implements MigrationInterface {
  name = 'SearchLexicon1796457117564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"lexicon_entry\" (\"id\" varchar PRIMARY KEY NOT NULL, \"kind\" varchar(16) NOT NULL, \"term\" varchar(64) NOT NULL, \"values\" text NOT NULL, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d9cb50b9edba46a7a81251266e\" ON \"lexicon_entry\" (\"kind\", \"term\") ");
    await queryRunner.query("CREATE TABLE \"search_miss\" (\"id\" varchar PRIMARY KEY NOT NULL, \"target\" varchar(16) NOT NULL, \"query\" varchar(200) NOT NULL, \"terms\" text NOT NULL, \"scenarios\" text NOT NULL, \"industries\" text NOT NULL, \"filters\" text NOT NULL, \"total\" integer NOT NULL, \"at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_0d7c79887c29ad67961c328d27\" ON \"search_miss\" (\"at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_0d7c79887c29ad67961c328d27\"");
    await queryRunner.query("DROP TABLE \"search_miss\"");
    await queryRunner.query("DROP INDEX \"IDX_d9cb50b9edba46a7a81251266e\"");
    await queryRunner.query("DROP TABLE \"lexicon_entry\"");
  }
}
