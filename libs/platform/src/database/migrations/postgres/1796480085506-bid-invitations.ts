import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BidInvitations1796480085506 implements MigrationInterface {
  name = 'BidInvitations1796480085506';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"bid_invitation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"need_id\" character varying(36) NOT NULL, \"enterprise_id\" character varying(36) NOT NULL, \"provider_id\" character varying(36) NOT NULL, \"solution_id\" character varying(36), \"message\" character varying(500), \"invited_by\" character varying(36) NOT NULL, \"bid_id\" character varying(36), \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_ec935c9bc2c363dfdb91276105d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_0279683b88c136b68697bef4d1\" ON \"bid_invitation\"  (\"provider_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8b39ff4fcb6f386fe4675a17ce\" ON \"bid_invitation\"  (\"need_id\", \"provider_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8b39ff4fcb6f386fe4675a17ce\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0279683b88c136b68697bef4d1\"");
    await queryRunner.query("DROP TABLE \"bid_invitation\"");
  }
}
