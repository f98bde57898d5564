import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1796456215787 implements MigrationInterface {
  name = 'Documents1796456215787';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"stored_file\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"sha256\" character varying(64) NOT NULL, \"size\" integer NOT NULL, \"content_type\" character varying(120) NOT NULL, \"kind\" character varying(16) NOT NULL, \"name\" character varying(255) NOT NULL, \"organisation_id\" uuid, \"uploaded_by\" uuid NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_e140967af84027b493a3ff04fbb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_3a4237a94329738b4b7a12d8de\" ON \"stored_file\"  (\"sha256\") ");
    await queryRunner.query("CREATE INDEX \"IDX_af2f59f42a86f193f8764614df\" ON \"stored_file\"  (\"uploaded_by\") ");
    await queryRunner.query("CREATE INDEX \"IDX_886f9dc7cc9711bd9c7254f45e\" ON \"stored_file\"  (\"organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"document\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"owner_kind\" character varying(40) NOT NULL, \"owner_id\" uuid NOT NULL, \"kind\" character varying(40) NOT NULL, \"file_id\" uuid NOT NULL, \"sha256\" character varying(64) NOT NULL, \"size\" integer NOT NULL, \"mime\" character varying(120) NOT NULL, \"name\" character varying(255) NOT NULL, \"version\" integer NOT NULL, \"replaces_id\" uuid, \"superseded_by\" uuid, \"status\" character varying(16) NOT NULL, \"review_note\" text, \"reviewed_by\" uuid, \"reviewed_at\" TIMESTAMP, \"uploaded_by\" uuid NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_e57d3357f83f3cdc0acffc3d777\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_76cd03de729714d01ece7f9377\" ON \"document\"  (\"sha256\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b9e7d1916962b81f2c3b5b5480\" ON \"document\"  (\"file_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d595c586ff4dd95bcb4448614e\" ON \"document\"  (\"owner_kind\", \"owner_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d595c586ff4dd95bcb4448614e\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b9e7d1916962b81f2c3b5b5480\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_76cd03de729714d01ece7f9377\"");
    await queryRunner.query("DROP TABLE \"document\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_886f9dc7cc9711bd9c7254f45e\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_af2f59f42a86f193f8764614df\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3a4237a94329738b4b7a12d8de\"");
    await queryRunner.query("DROP TABLE \"stored_file\"");
  }
}
