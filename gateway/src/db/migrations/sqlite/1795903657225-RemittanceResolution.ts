import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RemittanceResolution1795903657225 implements MigrationInterface {
  name = 'RemittanceResolution1795903657225';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_7867c816bfea5fbf92245cd466"');
    await queryRunner.query('DROP INDEX "IDX_0d9a4f481668e3f14eab9a505b"');
    await queryRunner.query(
      'CREATE TABLE "temporary_cash_remittance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "reference" varchar(100) NOT NULL, "currency" varchar(3) NOT NULL, "receivedAmount" integer NOT NULL, "expectedAmount" integer NOT NULL, "status" varchar(16) NOT NULL, "note" varchar(500) NOT NULL DEFAULT (\'\'), "actorUserId" integer NOT NULL, "resolution" varchar(16), "resolutionNote" varchar(500) NOT NULL DEFAULT (\'\'), "resolvedAt" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_cash_remittance"("id", "createdAt", "updatedAt", "sellerId", "reference", "currency", "receivedAmount", "expectedAmount", "status", "note", "actorUserId") SELECT "id", "createdAt", "updatedAt", "sellerId", "reference", "currency", "receivedAmount", "expectedAmount", "status", "note", "actorUserId" FROM "cash_remittance"',
    );
    await queryRunner.query('DROP TABLE "cash_remittance"');
    await queryRunner.query('ALTER TABLE "temporary_cash_remittance" RENAME TO "cash_remittance"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_7867c816bfea5fbf92245cd466" ON "cash_remittance" ("sellerId", "reference") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0d9a4f481668e3f14eab9a505b" ON "cash_remittance" ("sellerId", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_0d9a4f481668e3f14eab9a505b"');
    await queryRunner.query('DROP INDEX "IDX_7867c816bfea5fbf92245cd466"');
    await queryRunner.query('ALTER TABLE "cash_remittance" RENAME TO "temporary_cash_remittance"');
    await queryRunner.query(
      'CREATE TABLE "cash_remittance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "reference" varchar(100) NOT NULL, "currency" varchar(3) NOT NULL, "receivedAmount" integer NOT NULL, "expectedAmount" integer NOT NULL, "status" varchar(16) NOT NULL, "note" varchar(500) NOT NULL DEFAULT (\'\'), "actorUserId" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "cash_remittance"("id", "createdAt", "updatedAt", "sellerId", "reference", "currency", "receivedAmount", "expectedAmount", "status", "note", "actorUserId") SELECT "id", "createdAt", "updatedAt", "sellerId", "reference", "currency", "receivedAmount", "expectedAmount", "status", "note", "actorUserId" FROM "temporary_cash_remittance"',
    );
    await queryRunner.query('DROP TABLE "temporary_cash_remittance"');
    await queryRunner.query(
      'CREATE INDEX "IDX_0d9a4f481668e3f14eab9a505b" ON "cash_remittance" ("sellerId", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_7867c816bfea5fbf92245cd466" ON "cash_remittance" ("sellerId", "reference") ',
    );
  }
}
