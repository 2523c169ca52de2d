import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CompanyAddresses1796137833782 implements MigrationInterface {
  name = 'CompanyAddresses1796137833782';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "company_address" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "label" varchar(60) NOT NULL, "isDefault" boolean NOT NULL DEFAULT (0), "addrName" varchar(100) NOT NULL, "addrPhone" varchar(20) NOT NULL, "addrProvince" varchar(50) NOT NULL, "addrCity" varchar(50) NOT NULL, "addrDistrict" varchar(50) NOT NULL, "addrLine1" varchar(200) NOT NULL, "addrPostalcode" varchar(10) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9c8b93254b74acc2b206f0caa6" ON "company_address" ("companyId", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_9c8b93254b74acc2b206f0caa6"');
    await queryRunner.query('DROP TABLE "company_address"');
  }
}
