import type { MigrationInterface, QueryRunner } from 'typeorm';

export class B2bQuotesApprovalsContracts1796135616217 implements MigrationInterface {
  name = 'B2bQuotesApprovalsContracts1796135616217';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "approval_policy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "stages" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_e6d32629b50cfe938147b80ee4" ON "approval_policy" ("companyId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer NOT NULL, "quoteVersionId" integer NOT NULL, "requestedByUserId" integer NOT NULL, "amount" integer NOT NULL, "currency" varchar(3) NOT NULL, "status" varchar(16) NOT NULL, "stages" text NOT NULL, "currentStage" integer, "version" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b06bae6709ea4e512019c4140a" ON "approval_request" ("quoteId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1373e042efb24909457b78c66b" ON "approval_request" ("companyId", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_decision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "requestId" integer NOT NULL, "stage" integer NOT NULL, "userId" integer NOT NULL, "department" varchar(16) NOT NULL, "decision" varchar(8) NOT NULL, "comment" varchar(2000) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_cc7f3501ec5ee19a506ab1252f" ON "approval_decision" ("requestId", "stage", "userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "quote_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "buyerUserId" integer NOT NULL, "status" varchar(20) NOT NULL, "dealKind" varchar(12) NOT NULL, "termMonths" integer, "wantedDeliveryDate" varchar(10), "notes" varchar(2000) NOT NULL, "currency" varchar(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "latestVersionId" integer, "shipName" varchar(100) NOT NULL, "shipPhone" varchar(20) NOT NULL, "shipProvince" varchar(50) NOT NULL, "shipCity" varchar(50) NOT NULL, "shipDistrict" varchar(50) NOT NULL, "shipLine1" varchar(200) NOT NULL, "shipPostalcode" varchar(10) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5b5e7437d3f5686f79f9c35cc5" ON "quote_request" ("sellerId", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_74131db66f7fcadfadb4b562bb" ON "quote_request" ("companyId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "quote_request_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "quoteId" integer NOT NULL, "position" integer NOT NULL, "variantId" integer, "description" varchar(300) NOT NULL, "quantity" integer NOT NULL, "targetUnitPriceAmount" integer, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_683908be44f9ee0d565714bee9" ON "quote_request_line" ("quoteId", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "quote_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "quoteId" integer NOT NULL, "number" integer NOT NULL, "side" varchar(8) NOT NULL, "authorUserId" integer NOT NULL, "validUntil" datetime NOT NULL, "deliveryTerms" varchar(2000) NOT NULL, "paymentTerms" text NOT NULL, "note" varchar(2000) NOT NULL, "totalAmount" integer NOT NULL, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_bd6b601223a3f7aeaec2386b00" ON "quote_version" ("quoteId", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "quote_version_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "versionId" integer NOT NULL, "requestLineId" integer NOT NULL, "quantity" integer NOT NULL, "unitPriceAmount" integer NOT NULL, "currency" varchar(3) NOT NULL, "committedQuantity" integer, "tiers" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_084da79acfb7e8bfcb33d64a30" ON "quote_version_line" ("versionId", "requestLineId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "quote_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "quoteId" integer NOT NULL, "authorUserId" integer NOT NULL, "side" varchar(8) NOT NULL, "body" varchar(4000) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0f548849fccbb71d1b241067d6" ON "quote_message" ("quoteId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer NOT NULL, "quoteVersionId" integer NOT NULL, "approvalRequestId" integer NOT NULL, "kind" varchar(12) NOT NULL, "status" varchar(20) NOT NULL, "startsOn" varchar(10), "endsOn" varchar(10), "termMonths" integer, "paymentTerms" text NOT NULL, "totalAmount" integer NOT NULL, "currency" varchar(3) NOT NULL, "buyerSignedByUserId" integer, "buyerSignedAt" datetime, "sellerSignedByUserId" integer, "sellerSignedAt" datetime)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d652f6a1e32c8b706d7c594046" ON "contract" ("quoteId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5dbe9b4eea9343ad99844486c9" ON "contract" ("sellerId", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_471ecde01d2581716d07a5f00c" ON "contract" ("companyId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contract_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "contractId" integer NOT NULL, "variantId" integer, "description" varchar(300) NOT NULL, "quantity" integer NOT NULL, "unitPriceAmount" integer NOT NULL, "currency" varchar(3) NOT NULL, "drawnQuantity" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8d4aa0366cf85ce874efe926ff" ON "contract_line" ("contractId", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_8d4aa0366cf85ce874efe926ff"');
    await queryRunner.query('DROP TABLE "contract_line"');
    await queryRunner.query('DROP INDEX "IDX_471ecde01d2581716d07a5f00c"');
    await queryRunner.query('DROP INDEX "IDX_5dbe9b4eea9343ad99844486c9"');
    await queryRunner.query('DROP INDEX "IDX_d652f6a1e32c8b706d7c594046"');
    await queryRunner.query('DROP TABLE "contract"');
    await queryRunner.query('DROP INDEX "IDX_0f548849fccbb71d1b241067d6"');
    await queryRunner.query('DROP TABLE "quote_message"');
    await queryRunner.query('DROP INDEX "IDX_084da79acfb7e8bfcb33d64a30"');
    await queryRunner.query('DROP TABLE "quote_version_line"');
    await queryRunner.query('DROP INDEX "IDX_bd6b601223a3f7aeaec2386b00"');
    await queryRunner.query('DROP TABLE "quote_version"');
    await queryRunner.query('DROP INDEX "IDX_683908be44f9ee0d565714bee9"');
    await queryRunner.query('DROP TABLE "quote_request_line"');
    await queryRunner.query('DROP INDEX "IDX_74131db66f7fcadfadb4b562bb"');
    await queryRunner.query('DROP INDEX "IDX_5b5e7437d3f5686f79f9c35cc5"');
    await queryRunner.query('DROP TABLE "quote_request"');
    await queryRunner.query('DROP INDEX "IDX_cc7f3501ec5ee19a506ab1252f"');
    await queryRunner.query('DROP TABLE "approval_decision"');
    await queryRunner.query('DROP INDEX "IDX_1373e042efb24909457b78c66b"');
    await queryRunner.query('DROP INDEX "IDX_b06bae6709ea4e512019c4140a"');
    await queryRunner.query('DROP TABLE "approval_request"');
    await queryRunner.query('DROP INDEX "IDX_e6d32629b50cfe938147b80ee4"');
    await queryRunner.query('DROP TABLE "approval_policy"');
  }
}
