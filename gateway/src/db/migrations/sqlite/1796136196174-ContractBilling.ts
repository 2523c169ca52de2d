import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractBilling1796136196174 implements MigrationInterface {
  name = 'ContractBilling1796136196174';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "contract_milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "contractId" integer NOT NULL, "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "position" integer NOT NULL, "label" varchar(80) NOT NULL, "amountDue" integer NOT NULL, "amountPaid" integer NOT NULL DEFAULT (0), "currency" varchar(3) NOT NULL, "trigger" varchar(16) NOT NULL, "dueDate" varchar(10), "netDays" integer NOT NULL, "triggeredAt" datetime, "dueAt" datetime, "paidAt" datetime)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5f2131b5088781e3fa53271ad5" ON "contract_milestone" ("sellerId", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_34cae50f152534deecabccb0a3" ON "contract_milestone" ("companyId", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d1710671185de2c0111f791951" ON "contract_milestone" ("contractId", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contract_payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "companyId" integer NOT NULL, "contractId" integer NOT NULL, "milestoneId" integer NOT NULL, "amountReceived" integer NOT NULL, "currency" varchar(3) NOT NULL, "reference" varchar(64) NOT NULL, "recordedByUserId" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_de980e0c50fbb736328c32b042" ON "contract_payment" ("contractId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_57cded934c1a4f0f23958b8fac" ON "contract_payment" ("sellerId", "reference") ',
    );
    await queryRunner.query('DROP INDEX "IDX_471ecde01d2581716d07a5f00c"');
    await queryRunner.query('DROP INDEX "IDX_5dbe9b4eea9343ad99844486c9"');
    await queryRunner.query('DROP INDEX "IDX_d652f6a1e32c8b706d7c594046"');
    await queryRunner.query(
      'CREATE TABLE "temporary_contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer NOT NULL, "quoteVersionId" integer NOT NULL, "approvalRequestId" integer NOT NULL, "kind" varchar(12) NOT NULL, "status" varchar(20) NOT NULL, "startsOn" varchar(10), "endsOn" varchar(10), "termMonths" integer, "paymentTerms" text NOT NULL, "totalAmount" integer NOT NULL, "currency" varchar(3) NOT NULL, "buyerSignedByUserId" integer, "buyerSignedAt" datetime, "sellerSignedByUserId" integer, "sellerSignedAt" datetime, "deliveredAt" datetime, "acceptedAt" datetime, "disputeNote" varchar(2000))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_contract"("id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "approvalRequestId", "kind", "status", "startsOn", "endsOn", "termMonths", "paymentTerms", "totalAmount", "currency", "buyerSignedByUserId", "buyerSignedAt", "sellerSignedByUserId", "sellerSignedAt") SELECT "id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "approvalRequestId", "kind", "status", "startsOn", "endsOn", "termMonths", "paymentTerms", "totalAmount", "currency", "buyerSignedByUserId", "buyerSignedAt", "sellerSignedByUserId", "sellerSignedAt" FROM "contract"',
    );
    await queryRunner.query('DROP TABLE "contract"');
    await queryRunner.query('ALTER TABLE "temporary_contract" RENAME TO "contract"');
    await queryRunner.query(
      'CREATE INDEX "IDX_471ecde01d2581716d07a5f00c" ON "contract" ("companyId", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5dbe9b4eea9343ad99844486c9" ON "contract" ("sellerId", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d652f6a1e32c8b706d7c594046" ON "contract" ("quoteId") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_d652f6a1e32c8b706d7c594046"');
    await queryRunner.query('DROP INDEX "IDX_5dbe9b4eea9343ad99844486c9"');
    await queryRunner.query('DROP INDEX "IDX_471ecde01d2581716d07a5f00c"');
    await queryRunner.query('ALTER TABLE "contract" RENAME TO "temporary_contract"');
    await queryRunner.query(
      'CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer NOT NULL, "quoteVersionId" integer NOT NULL, "approvalRequestId" integer NOT NULL, "kind" varchar(12) NOT NULL, "status" varchar(20) NOT NULL, "startsOn" varchar(10), "endsOn" varchar(10), "termMonths" integer, "paymentTerms" text NOT NULL, "totalAmount" integer NOT NULL, "currency" varchar(3) NOT NULL, "buyerSignedByUserId" integer, "buyerSignedAt" datetime, "sellerSignedByUserId" integer, "sellerSignedAt" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "contract"("id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "approvalRequestId", "kind", "status", "startsOn", "endsOn", "termMonths", "paymentTerms", "totalAmount", "currency", "buyerSignedByUserId", "buyerSignedAt", "sellerSignedByUserId", "sellerSignedAt") SELECT "id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "approvalRequestId", "kind", "status", "startsOn", "endsOn", "termMonths", "paymentTerms", "totalAmount", "currency", "buyerSignedByUserId", "buyerSignedAt", "sellerSignedByUserId", "sellerSignedAt" FROM "temporary_contract"',
    );
    await queryRunner.query('DROP TABLE "temporary_contract"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d652f6a1e32c8b706d7c594046" ON "contract" ("quoteId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5dbe9b4eea9343ad99844486c9" ON "contract" ("sellerId", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_471ecde01d2581716d07a5f00c" ON "contract" ("companyId", "id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_57cded934c1a4f0f23958b8fac"');
    await queryRunner.query('DROP INDEX "IDX_de980e0c50fbb736328c32b042"');
    await queryRunner.query('DROP TABLE "contract_payment"');
    await queryRunner.query('DROP INDEX "IDX_d1710671185de2c0111f791951"');
    await queryRunner.query('DROP INDEX "IDX_34cae50f152534deecabccb0a3"');
    await queryRunner.query('DROP INDEX "IDX_5f2131b5088781e3fa53271ad5"');
    await queryRunner.query('DROP TABLE "contract_milestone"');
  }
}
