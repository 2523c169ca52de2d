import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CartOrdersPayments1795899033340 implements MigrationInterface {
  name = 'CartOrdersPayments1795899033340';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "cart" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "token" varchar(64) NOT NULL, "userId" integer)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_c89d15a83770c3fde3fd9f8242" ON "cart" ("token") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_756f53ab9466eb52a52619ee01" ON "cart" ("userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "cart_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "cartId" integer NOT NULL, "variantId" integer NOT NULL, "quantity" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_52e2c2f0e9b4fcd35922e7031e" ON "cart_line" ("cartId", "variantId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "checkout" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "idempotencyKey" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_e330e018b7c212266d7a5b4504" ON "checkout" ("userId", "idempotencyKey") ',
    );
    await queryRunner.query(
      'CREATE TABLE "customer_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "number" varchar(24) NOT NULL, "checkoutId" integer NOT NULL, "userId" integer NOT NULL, "sellerId" integer NOT NULL, "status" varchar(16) NOT NULL, "paymentMethod" varchar(24) NOT NULL, "currency" varchar(3) NOT NULL, "itemsAmount" integer NOT NULL, "codFeeAmount" integer NOT NULL, "totalAmount" integer NOT NULL, "carrier" varchar(60), "trackingNumber" varchar(60), "confirmBy" datetime, "shipName" varchar(100) NOT NULL, "shipPhone" varchar(20) NOT NULL, "shipProvince" varchar(50) NOT NULL, "shipCity" varchar(50) NOT NULL, "shipDistrict" varchar(50) NOT NULL, "shipLine1" varchar(200) NOT NULL, "shipPostalcode" varchar(10) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_de717da204096d9fb7c889874c" ON "customer_order" ("number") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_eee598b87829b89db1982b1f87" ON "customer_order" ("checkoutId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3f51acf70d6b34de30df237ecd" ON "customer_order" ("status", "confirmBy") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b1f8d934be25f5acb028b78b7c" ON "customer_order" ("sellerId", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_488f38eccf007910e8e30b69b9" ON "customer_order" ("userId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "order_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "productId" integer NOT NULL, "variantId" integer NOT NULL, "sku" varchar(64) NOT NULL, "productName" varchar(200) NOT NULL, "variantName" varchar(200) NOT NULL, "currency" varchar(3) NOT NULL, "unitAmount" integer NOT NULL, "quantity" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_239cfca2a55b98b90b6bef2e44" ON "order_line" ("orderId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "orderId" integer NOT NULL, "method" varchar(24) NOT NULL, "status" varchar(16) NOT NULL, "currency" varchar(3) NOT NULL, "dueAmount" integer NOT NULL, "collectedAmount" integer, "collectedAt" datetime, "reconciledAt" datetime, "remittanceId" integer)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d09d285fe1645cd2f0db811e29" ON "payment" ("orderId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f78f85761722804d61b3cace6e" ON "payment" ("remittanceId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "cash_remittance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "reference" varchar(100) NOT NULL, "currency" varchar(3) NOT NULL, "receivedAmount" integer NOT NULL, "expectedAmount" integer NOT NULL, "status" varchar(16) NOT NULL, "note" varchar(500) NOT NULL DEFAULT (\'\'), "actorUserId" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0d9a4f481668e3f14eab9a505b" ON "cash_remittance" ("sellerId", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_7867c816bfea5fbf92245cd466" ON "cash_remittance" ("sellerId", "reference") ',
    );
    await queryRunner.query('DROP INDEX "IDX_8700debd5a72afae92322fe5ef"');
    await queryRunner.query(
      'CREATE TABLE "temporary_seller" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "name" varchar(200) NOT NULL, "slug" varchar(100) NOT NULL, "description" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'ACTIVE\'), "codFeeAmount" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_seller"("id", "createdAt", "updatedAt", "name", "slug", "description", "status") SELECT "id", "createdAt", "updatedAt", "name", "slug", "description", "status" FROM "seller"',
    );
    await queryRunner.query('DROP TABLE "seller"');
    await queryRunner.query('ALTER TABLE "temporary_seller" RENAME TO "seller"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8700debd5a72afae92322fe5ef" ON "seller" ("slug") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_8700debd5a72afae92322fe5ef"');
    await queryRunner.query('ALTER TABLE "seller" RENAME TO "temporary_seller"');
    await queryRunner.query(
      'CREATE TABLE "seller" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "name" varchar(200) NOT NULL, "slug" varchar(100) NOT NULL, "description" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'ACTIVE\'))',
    );
    await queryRunner.query(
      'INSERT INTO "seller"("id", "createdAt", "updatedAt", "name", "slug", "description", "status") SELECT "id", "createdAt", "updatedAt", "name", "slug", "description", "status" FROM "temporary_seller"',
    );
    await queryRunner.query('DROP TABLE "temporary_seller"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8700debd5a72afae92322fe5ef" ON "seller" ("slug") ',
    );
    await queryRunner.query('DROP INDEX "IDX_7867c816bfea5fbf92245cd466"');
    await queryRunner.query('DROP INDEX "IDX_0d9a4f481668e3f14eab9a505b"');
    await queryRunner.query('DROP TABLE "cash_remittance"');
    await queryRunner.query('DROP INDEX "IDX_f78f85761722804d61b3cace6e"');
    await queryRunner.query('DROP INDEX "IDX_d09d285fe1645cd2f0db811e29"');
    await queryRunner.query('DROP TABLE "payment"');
    await queryRunner.query('DROP INDEX "IDX_239cfca2a55b98b90b6bef2e44"');
    await queryRunner.query('DROP TABLE "order_line"');
    await queryRunner.query('DROP INDEX "IDX_488f38eccf007910e8e30b69b9"');
    await queryRunner.query('DROP INDEX "IDX_b1f8d934be25f5acb028b78b7c"');
    await queryRunner.query('DROP INDEX "IDX_3f51acf70d6b34de30df237ecd"');
    await queryRunner.query('DROP INDEX "IDX_eee598b87829b89db1982b1f87"');
    await queryRunner.query('DROP INDEX "IDX_de717da204096d9fb7c889874c"');
    await queryRunner.query('DROP TABLE "customer_order"');
    await queryRunner.query('DROP INDEX "IDX_e330e018b7c212266d7a5b4504"');
    await queryRunner.query('DROP TABLE "checkout"');
    await queryRunner.query('DROP INDEX "IDX_52e2c2f0e9b4fcd35922e7031e"');
    await queryRunner.query('DROP TABLE "cart_line"');
    await queryRunner.query('DROP INDEX "IDX_756f53ab9466eb52a52619ee01"');
    await queryRunner.query('DROP INDEX "IDX_c89d15a83770c3fde3fd9f8242"');
    await queryRunner.query('DROP TABLE "cart"');
  }
}
