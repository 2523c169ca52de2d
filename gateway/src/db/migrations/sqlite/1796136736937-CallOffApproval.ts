import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallOffApproval1796136736937 implements MigrationInterface {
  name = 'CallOffApproval1796136736937';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_e6d32629b50cfe938147b80ee4"');
    await queryRunner.query(
      'CREATE TABLE "temporary_approval_policy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "stages" text NOT NULL, "callOffThreshold" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_approval_policy"("id", "createdAt", "updatedAt", "companyId", "stages") SELECT "id", "createdAt", "updatedAt", "companyId", "stages" FROM "approval_policy"',
    );
    await queryRunner.query('DROP TABLE "approval_policy"');
    await queryRunner.query('ALTER TABLE "temporary_approval_policy" RENAME TO "approval_policy"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_e6d32629b50cfe938147b80ee4" ON "approval_policy" ("companyId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_1373e042efb24909457b78c66b"');
    await queryRunner.query('DROP INDEX "IDX_b06bae6709ea4e512019c4140a"');
    await queryRunner.query(
      'CREATE TABLE "temporary_approval_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer NOT NULL, "quoteVersionId" integer NOT NULL, "requestedByUserId" integer NOT NULL, "amount" integer NOT NULL, "currency" varchar(3) NOT NULL, "status" varchar(16) NOT NULL, "stages" text NOT NULL, "currentStage" integer, "version" integer NOT NULL DEFAULT (0), "callOffId" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_approval_request"("id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version") SELECT "id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version" FROM "approval_request"',
    );
    await queryRunner.query('DROP TABLE "approval_request"');
    await queryRunner.query(
      'ALTER TABLE "temporary_approval_request" RENAME TO "approval_request"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1373e042efb24909457b78c66b" ON "approval_request" ("companyId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b06bae6709ea4e512019c4140a" ON "approval_request" ("quoteId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_1373e042efb24909457b78c66b"');
    await queryRunner.query('DROP INDEX "IDX_b06bae6709ea4e512019c4140a"');
    await queryRunner.query(
      'CREATE TABLE "temporary_approval_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer, "quoteVersionId" integer, "requestedByUserId" integer NOT NULL, "amount" integer NOT NULL, "currency" varchar(3) NOT NULL, "status" varchar(16) NOT NULL, "stages" text NOT NULL, "currentStage" integer, "version" integer NOT NULL DEFAULT (0), "callOffId" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_approval_request"("id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version", "callOffId") SELECT "id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version", "callOffId" FROM "approval_request"',
    );
    await queryRunner.query('DROP TABLE "approval_request"');
    await queryRunner.query(
      'ALTER TABLE "temporary_approval_request" RENAME TO "approval_request"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1373e042efb24909457b78c66b" ON "approval_request" ("companyId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b06bae6709ea4e512019c4140a" ON "approval_request" ("quoteId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_475146600c46cb8011458855dc"');
    await queryRunner.query('DROP INDEX "IDX_df7d27e9189fbc73546020f66f"');
    await queryRunner.query(
      'CREATE TABLE "temporary_call_off" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "contractId" integer NOT NULL, "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "placedByUserId" integer NOT NULL, "idempotencyKey" varchar(64) NOT NULL, "status" varchar(20) NOT NULL, "totalAmount" integer NOT NULL, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_call_off"("id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "placedByUserId", "idempotencyKey", "status", "totalAmount", "currency") SELECT "id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "placedByUserId", "idempotencyKey", "status", "totalAmount", "currency" FROM "call_off"',
    );
    await queryRunner.query('DROP TABLE "call_off"');
    await queryRunner.query('ALTER TABLE "temporary_call_off" RENAME TO "call_off"');
    await queryRunner.query(
      'CREATE INDEX "IDX_475146600c46cb8011458855dc" ON "call_off" ("contractId", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_df7d27e9189fbc73546020f66f" ON "call_off" ("contractId", "idempotencyKey") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_62f021a774e2e57ee2b620637c" ON "approval_request" ("callOffId") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_62f021a774e2e57ee2b620637c"');
    await queryRunner.query('DROP INDEX "IDX_df7d27e9189fbc73546020f66f"');
    await queryRunner.query('DROP INDEX "IDX_475146600c46cb8011458855dc"');
    await queryRunner.query('ALTER TABLE "call_off" RENAME TO "temporary_call_off"');
    await queryRunner.query(
      'CREATE TABLE "call_off" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "contractId" integer NOT NULL, "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "placedByUserId" integer NOT NULL, "idempotencyKey" varchar(64) NOT NULL, "status" varchar(12) NOT NULL, "totalAmount" integer NOT NULL, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "call_off"("id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "placedByUserId", "idempotencyKey", "status", "totalAmount", "currency") SELECT "id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "placedByUserId", "idempotencyKey", "status", "totalAmount", "currency" FROM "temporary_call_off"',
    );
    await queryRunner.query('DROP TABLE "temporary_call_off"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_df7d27e9189fbc73546020f66f" ON "call_off" ("contractId", "idempotencyKey") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_475146600c46cb8011458855dc" ON "call_off" ("contractId", "id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_b06bae6709ea4e512019c4140a"');
    await queryRunner.query('DROP INDEX "IDX_1373e042efb24909457b78c66b"');
    await queryRunner.query(
      'ALTER TABLE "approval_request" RENAME TO "temporary_approval_request"',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer NOT NULL, "quoteVersionId" integer NOT NULL, "requestedByUserId" integer NOT NULL, "amount" integer NOT NULL, "currency" varchar(3) NOT NULL, "status" varchar(16) NOT NULL, "stages" text NOT NULL, "currentStage" integer, "version" integer NOT NULL DEFAULT (0), "callOffId" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "approval_request"("id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version", "callOffId") SELECT "id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version", "callOffId" FROM "temporary_approval_request"',
    );
    await queryRunner.query('DROP TABLE "temporary_approval_request"');
    await queryRunner.query(
      'CREATE INDEX "IDX_b06bae6709ea4e512019c4140a" ON "approval_request" ("quoteId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1373e042efb24909457b78c66b" ON "approval_request" ("companyId", "status") ',
    );
    await queryRunner.query('DROP INDEX "IDX_b06bae6709ea4e512019c4140a"');
    await queryRunner.query('DROP INDEX "IDX_1373e042efb24909457b78c66b"');
    await queryRunner.query(
      'ALTER TABLE "approval_request" RENAME TO "temporary_approval_request"',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "quoteId" integer NOT NULL, "quoteVersionId" integer NOT NULL, "requestedByUserId" integer NOT NULL, "amount" integer NOT NULL, "currency" varchar(3) NOT NULL, "status" varchar(16) NOT NULL, "stages" text NOT NULL, "currentStage" integer, "version" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'INSERT INTO "approval_request"("id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version") SELECT "id", "createdAt", "updatedAt", "companyId", "sellerId", "quoteId", "quoteVersionId", "requestedByUserId", "amount", "currency", "status", "stages", "currentStage", "version" FROM "temporary_approval_request"',
    );
    await queryRunner.query('DROP TABLE "temporary_approval_request"');
    await queryRunner.query(
      'CREATE INDEX "IDX_b06bae6709ea4e512019c4140a" ON "approval_request" ("quoteId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1373e042efb24909457b78c66b" ON "approval_request" ("companyId", "status") ',
    );
    await queryRunner.query('DROP INDEX "IDX_e6d32629b50cfe938147b80ee4"');
    await queryRunner.query('ALTER TABLE "approval_policy" RENAME TO "temporary_approval_policy"');
    await queryRunner.query(
      'CREATE TABLE "approval_policy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "stages" text NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "approval_policy"("id", "createdAt", "updatedAt", "companyId", "stages") SELECT "id", "createdAt", "updatedAt", "companyId", "stages" FROM "temporary_approval_policy"',
    );
    await queryRunner.query('DROP TABLE "temporary_approval_policy"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_e6d32629b50cfe938147b80ee4" ON "approval_policy" ("companyId") ',
    );
  }
}
