import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AudienceSegments1796155794967 implements MigrationInterface {
  name = 'AudienceSegments1796155794967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"account_tag\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"ownerId\" integer NOT NULL, \"accountType\" varchar(10) NOT NULL, \"accountId\" integer NOT NULL, \"tag\" varchar(40) NOT NULL, \"createdByUserId\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_e93dd2aa96108fc3855c56ee66\" ON \"account_tag\" (\"accountType\", \"accountId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_7b3830ae12dc8e5d9166d4fe24\" ON \"account_tag\" (\"ownerId\", \"accountType\", \"tag\", \"accountId\") ");
    await queryRunner.query("CREATE TABLE \"company_lifecycle_stage\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"sellerId\" integer NOT NULL, \"companyId\" integer NOT NULL, \"stage\" varchar(10) NOT NULL, \"setByUserId\" integer NOT NULL, \"setAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_873b41601570c36d38e54cc96e\" ON \"company_lifecycle_stage\" (\"companyId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b25f03311c5c3d2059de105175\" ON \"company_lifecycle_stage\" (\"sellerId\", \"companyId\") ");
    await queryRunner.query("CREATE TABLE \"segment\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"ownerId\" integer NOT NULL, \"name\" varchar(80) NOT NULL, \"accountType\" varchar(10) NOT NULL, \"rule\" text NOT NULL, \"createdByUserId\" integer NOT NULL, \"updatedByUserId\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_1b1a2306a006b27e06c79a9a7e\" ON \"segment\" (\"ownerId\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_461b81b99564f59d9cef5bbd58\" ON \"segment\" (\"ownerId\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_91ab4abbf25432b0eaa60885cd\" ON \"call_off\" (\"companyId\", \"createdAt\", \"status\", \"totalAmount\", \"currency\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6f83851a72bb7edf0c1de6c48f\" ON \"call_off\" (\"sellerId\", \"companyId\", \"createdAt\", \"status\", \"totalAmount\", \"currency\") ");
    await queryRunner.query("CREATE INDEX \"IDX_dbc5216f91cf03efbaf7647504\" ON \"customer_order\" (\"userId\", \"createdAt\", \"status\", \"totalAmount\", \"currency\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e1693bea7823c825972709a4d8\" ON \"customer_order\" (\"sellerId\", \"userId\", \"createdAt\", \"status\", \"totalAmount\", \"currency\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e1693bea7823c825972709a4d8\"");
    await queryRunner.query("DROP INDEX \"IDX_dbc5216f91cf03efbaf7647504\"");
    await queryRunner.query("DROP INDEX \"IDX_6f83851a72bb7edf0c1de6c48f\"");
    await queryRunner.query("DROP INDEX \"IDX_91ab4abbf25432b0eaa60885cd\"");
    await queryRunner.query("DROP INDEX \"IDX_461b81b99564f59d9cef5bbd58\"");
    await queryRunner.query("DROP INDEX \"IDX_1b1a2306a006b27e06c79a9a7e\"");
    await queryRunner.query("DROP TABLE \"segment\"");
    await queryRunner.query("DROP INDEX \"IDX_b25f03311c5c3d2059de105175\"");
    await queryRunner.query("DROP INDEX \"IDX_873b41601570c36d38e54cc96e\"");
    await queryRunner.query("DROP TABLE \"company_lifecycle_stage\"");
    await queryRunner.query("DROP INDEX \"IDX_7b3830ae12dc8e5d9166d4fe24\"");
    await queryRunner.query("DROP INDEX \"IDX_e93dd2aa96108fc3855c56ee66\"");
    await queryRunner.query("DROP TABLE \"account_tag\"");
  }
}
