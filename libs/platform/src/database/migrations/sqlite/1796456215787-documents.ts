import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1796456215787 implements MigrationInterface {
  name = 'Documents1796456215787';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"stored_file\" (\"id\" varchar PRIMARY KEY NOT NULL, \"sha256\" varchar(64) NOT NULL, \"size\" integer NOT NULL, \"content_type\" varchar(120) NOT NULL, \"kind\" varchar(16) NOT NULL, \"name\" varchar(255) NOT NULL, \"organisation_id\" varchar, \"uploaded_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_3a4237a94329738b4b7a12d8de\" ON \"stored_file\" (\"sha256\") ");
    await queryRunner.query("CREATE INDEX \"IDX_af2f59f42a86f193f8764614df\" ON \"stored_file\" (\"uploaded_by\") ");
    await queryRunner.query("CREATE INDEX \"IDX_886f9dc7cc9711bd9c7254f45e\" ON \"stored_file\" (\"organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"document\" (\"id\" varchar PRIMARY KEY NOT NULL, \"owner_kind\" varchar(40) NOT NULL, \"owner_id\" varchar NOT NULL, \"kind\" varchar(40) NOT NULL, \"file_id\" varchar NOT NULL, \"sha256\" varchar(64) NOT NULL, \"size\" integer NOT NULL, \"mime\" varchar(120) NOT NULL, \"name\" varchar(255) NOT NULL, \"version\" integer NOT NULL, \"replaces_id\" varchar, \"superseded_by\" varchar, \"status\" varchar(16) NOT NULL, \"review_note\" text, \"reviewed_by\" varchar, \"reviewed_at\" datetime, \"uploaded_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_76cd03de729714d01ece7f9377\" ON \"document\" (\"sha256\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b9e7d1916962b81f2c3b5b5480\" ON \"document\" (\"file_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d595c586ff4dd95bcb4448614e\" ON \"document\" (\"owner_kind\", \"owner_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_d595c586ff4dd95bcb4448614e\"");
    await queryRunner.query("DROP INDEX \"IDX_b9e7d1916962b81f2c3b5b5480\"");
    await queryRunner.query("DROP INDEX \"IDX_76cd03de729714d01ece7f9377\"");
    await queryRunner.query("DROP TABLE \"document\"");
    await queryRunner.query("DROP INDEX \"IDX_886f9dc7cc9711bd9c7254f45e\"");
    await queryRunner.query("DROP INDEX \"IDX_af2f59f42a86f193f8764614df\"");
    await queryRunner.query("DROP INDEX \"IDX_3a4237a94329738b4b7a12d8de\"");
    await queryRunner.query("DROP TABLE \"stored_file\"");
  }
}
