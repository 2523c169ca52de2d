import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrameworkCallOffs1796136548382 implements MigrationInterface {
  name = 'FrameworkCallOffs1796136548382';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "companyId" integer NOT NULL, "limitAmount" integer NOT NULL, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9dfe59192b009376ef26c779e0" ON "credit_line" ("sellerId", "companyId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "call_off" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "contractId" integer NOT NULL, "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "placedByUserId" integer NOT NULL, "idempotencyKey" varchar(64) NOT NULL, "status" varchar(12) NOT NULL, "totalAmount" integer NOT NULL, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_df7d27e9189fbc73546020f66f" ON "call_off" ("contractId", "idempotencyKey") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_475146600c46cb8011458855dc" ON "call_off" ("contractId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "call_off_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "callOffId" integer NOT NULL, "contractLineId" integer NOT NULL, "variantId" integer, "quantity" integer NOT NULL, "unitPriceAmount" integer NOT NULL, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d9978e319942c47fe694ba9fbb" ON "call_off_line" ("callOffId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d1710671185de2c0111f791951"');
    await queryRunner.query('DROP INDEX "IDX_34cae50f152534deecabccb0a3"');
    await queryRunner.query('DROP INDEX "IDX_5f2131b5088781e3fa53271ad5"');
    await queryRunner.query(
      'CREATE TABLE "temporary_contract_milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "contractId" integer NOT NULL, "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "position" integer NOT NULL, "label" varchar(80) NOT NULL, "amountDue" integer NOT NULL, "amountPaid" integer NOT NULL DEFAULT (0), "currency" varchar(3) NOT NULL, "trigger" varchar(16) NOT NULL, "dueDate" varchar(10), "netDays" integer NOT NULL, "triggeredAt" datetime, "dueAt" datetime, "paidAt" datetime, "callOffId" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_contract_milestone"("id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "position", "label", "amountDue", "amountPaid", "currency", "trigger", "dueDate", "netDays", "triggeredAt", "dueAt", "paidAt") SELECT "id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "position", "label", "amountDue", "amountPaid", "currency", "trigger", "dueDate", "netDays", "triggeredAt", "dueAt", "paidAt" FROM "contract_milestone"',
    );
    await queryRunner.query('DROP TABLE "contract_milestone"');
    await queryRunner.query(
      'ALTER TABLE "temporary_contract_milestone" RENAME TO "contract_milestone"',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d1710671185de2c0111f791951" ON "contract_milestone" ("contractId", "position") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_34cae50f152534deecabccb0a3" ON "contract_milestone" ("companyId", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5f2131b5088781e3fa53271ad5" ON "contract_milestone" ("sellerId", "dueAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_5f2131b5088781e3fa53271ad5"');
    await queryRunner.query('DROP INDEX "IDX_34cae50f152534deecabccb0a3"');
    await queryRunner.query('DROP INDEX "IDX_d1710671185de2c0111f791951"');
    await queryRunner.query(
      'ALTER TABLE "contract_milestone" RENAME TO "temporary_contract_milestone"',
    );
    await queryRunner.query(
      'CREATE TABLE "contract_milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "contractId" integer NOT NULL, "companyId" integer NOT NULL, "sellerId" integer NOT NULL, "position" integer NOT NULL, "label" varchar(80) NOT NULL, "amountDue" integer NOT NULL, "amountPaid" integer NOT NULL DEFAULT (0), "currency" varchar(3) NOT NULL, "trigger" varchar(16) NOT NULL, "dueDate" varchar(10), "netDays" integer NOT NULL, "triggeredAt" datetime, "dueAt" datetime, "paidAt" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "contract_milestone"("id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "position", "label", "amountDue", "amountPaid", "currency", "trigger", "dueDate", "netDays", "triggeredAt", "dueAt", "paidAt") SELECT "id", "createdAt", "updatedAt", "contractId", "companyId", "sellerId", "position", "label", "amountDue", "amountPaid", "currency", "trigger", "dueDate", "netDays", "triggeredAt", "dueAt", "paidAt" FROM "temporary_contract_milestone"',
    );
    await queryRunner.query('DROP TABLE "temporary_contract_milestone"');
    await queryRunner.query(
      'CREATE INDEX "IDX_5f2131b5088781e3fa53271ad5" ON "contract_milestone" ("sellerId", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_34cae50f152534deecabccb0a3" ON "contract_milestone" ("companyId", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d1710671185de2c0111f791951" ON "contract_milestone" ("contractId", "position") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d9978e319942c47fe694ba9fbb"');
    await queryRunner.query('DROP TABLE "call_off_line"');
    await queryRunner.query('DROP INDEX "IDX_475146600c46cb8011458855dc"');
    await queryRunner.query('DROP INDEX "IDX_df7d27e9189fbc73546020f66f"');
    await queryRunner.query('DROP TABLE "call_off"');
    await queryRunner.query('DROP INDEX "IDX_9dfe59192b009376ef26c779e0"');
    await queryRunner.query('DROP TABLE "credit_line"');
  }
}
