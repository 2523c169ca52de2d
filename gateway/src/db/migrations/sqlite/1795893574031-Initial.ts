import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795893574031 implements MigrationInterface {
  name = 'Initial1795893574031';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actorUserId" integer, "entityType" varchar(40) NOT NULL, "entityId" integer NOT NULL, "action" varchar(60) NOT NULL, "fromState" varchar(30), "toState" varchar(30), "data" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_98117695956bc9ebd1fcb6d635" ON "audit_event" ("entityType", "entityId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "category" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "parentId" integer, "name" varchar(100) NOT NULL, "slug" varchar(100) NOT NULL, "path" varchar(255) NOT NULL, "position" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d5456fd7e4c4866fec8ada1fa1" ON "category" ("parentId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_cb73208f151aa71cdd78f662d7" ON "category" ("slug") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2e11906aa3a7fd5f41ad9139e3" ON "category" ("path") ',
    );
    await queryRunner.query(
      'CREATE TABLE "price_tier" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "variantId" integer NOT NULL, "minQuantity" integer NOT NULL, "unitPrice" integer NOT NULL, "currency" varchar(3) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_de7491325ecbcf9e6362f45c01" ON "price_tier" ("variantId", "minQuantity") ',
    );
    await queryRunner.query(
      'CREATE TABLE "product" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "categoryId" integer NOT NULL, "slug" varchar(200) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "attributes" text NOT NULL, "imageUrls" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'DRAFT\'), "minPrice" integer, "currency" varchar(3), "inStock" boolean NOT NULL DEFAULT (0), "searchText" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8cfaf4a1e80806d58e3dbe6922" ON "product" ("slug") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_88dc4d6e62b56328591177126e" ON "product" ("searchText") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_aac472f75738c343201f86392c" ON "product" ("categoryId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5cca049ed53eb6f6465e95db88" ON "product" ("sellerId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4e022e040c3fec941fa32c1138" ON "product" ("status", "minPrice", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "stock_movement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "variantId" integer NOT NULL, "delta" integer NOT NULL, "onHandAfter" integer NOT NULL, "reason" varchar(16) NOT NULL, "note" varchar(500) NOT NULL DEFAULT (\'\'), "actorUserId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8b76c477e6411dc0075ab3c7cb" ON "stock_movement" ("variantId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "variant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "productId" integer NOT NULL, "sku" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "options" text NOT NULL, "listPrice" integer NOT NULL, "currency" varchar(3) NOT NULL, "minOrderQuantity" integer NOT NULL DEFAULT (1), "orderIncrement" integer NOT NULL DEFAULT (1), "stockOnHand" integer NOT NULL DEFAULT (0), "stockReserved" integer NOT NULL DEFAULT (0), "position" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_cb0df5c8d79ac0ea08a8711967" ON "variant" ("productId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_b0ec0f223eab03e884042a6041" ON "variant" ("sku") ',
    );
    await queryRunner.query(
      'CREATE TABLE "company" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "name" varchar(200) NOT NULL, "registrationNumber" varchar(64) NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'PENDING\'), "verifiedAt" datetime)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_09e9f49c748b5d54d454e430c5" ON "company" ("registrationNumber") ',
    );
    await queryRunner.query(
      'CREATE TABLE "company_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "userId" integer NOT NULL, "roles" text NOT NULL, "department" varchar(16))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c3009db3b4315829bf43e1ea71" ON "company_member" ("userId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d198f671fc2d7c8fe8d4944d0e" ON "company_member" ("companyId", "userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "invitation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "tokenHash" varchar(64) NOT NULL, "email" varchar(254) NOT NULL, "companyId" integer, "sellerId" integer, "roles" text, "department" varchar(16), "invitedByUserId" integer NOT NULL, "expiresAt" datetime NOT NULL, "acceptedAt" datetime)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_676ef6471ce7176869d73365a4" ON "invitation" ("tokenHash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "seller" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "name" varchar(200) NOT NULL, "slug" varchar(100) NOT NULL, "description" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'ACTIVE\'))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8700debd5a72afae92322fe5ef" ON "seller" ("slug") ',
    );
    await queryRunner.query(
      'CREATE TABLE "seller_staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "userId" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a2ab01b0a0902620b4cbf4664f" ON "seller_staff" ("sellerId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9f1fdde3adaa84a28f25b2d471" ON "seller_staff" ("userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" integer NOT NULL, "expiresAt" datetime NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3d2f174ef04fb312fdebd0ddc5" ON "session" ("userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "email" varchar(254) NOT NULL, "passwordHash" varchar(255) NOT NULL, "name" varchar(100) NOT NULL, "isPlatformAdmin" boolean NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_e12875dfb3b1d92d7d7c5377e2" ON "user" ("email") ',
    );
    await queryRunner.query('DROP INDEX "IDX_c3009db3b4315829bf43e1ea71"');
    await queryRunner.query('DROP INDEX "IDX_d198f671fc2d7c8fe8d4944d0e"');
    await queryRunner.query(
      'CREATE TABLE "temporary_company_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "userId" integer NOT NULL, "roles" text NOT NULL, "department" varchar(16), CONSTRAINT "FK_24e3f0ad735ec89bb235a395547" FOREIGN KEY ("companyId") REFERENCES "company" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c3009db3b4315829bf43e1ea711" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_company_member"("id", "createdAt", "updatedAt", "companyId", "userId", "roles", "department") SELECT "id", "createdAt", "updatedAt", "companyId", "userId", "roles", "department" FROM "company_member"',
    );
    await queryRunner.query('DROP TABLE "company_member"');
    await queryRunner.query('ALTER TABLE "temporary_company_member" RENAME TO "company_member"');
    await queryRunner.query(
      'CREATE INDEX "IDX_c3009db3b4315829bf43e1ea71" ON "company_member" ("userId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d198f671fc2d7c8fe8d4944d0e" ON "company_member" ("companyId", "userId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_a2ab01b0a0902620b4cbf4664f"');
    await queryRunner.query('DROP INDEX "IDX_9f1fdde3adaa84a28f25b2d471"');
    await queryRunner.query(
      'CREATE TABLE "temporary_seller_staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "userId" integer NOT NULL, CONSTRAINT "FK_a2ab01b0a0902620b4cbf4664f3" FOREIGN KEY ("sellerId") REFERENCES "seller" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9f1fdde3adaa84a28f25b2d471b" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_seller_staff"("id", "createdAt", "updatedAt", "sellerId", "userId") SELECT "id", "createdAt", "updatedAt", "sellerId", "userId" FROM "seller_staff"',
    );
    await queryRunner.query('DROP TABLE "seller_staff"');
    await queryRunner.query('ALTER TABLE "temporary_seller_staff" RENAME TO "seller_staff"');
    await queryRunner.query(
      'CREATE INDEX "IDX_a2ab01b0a0902620b4cbf4664f" ON "seller_staff" ("sellerId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9f1fdde3adaa84a28f25b2d471" ON "seller_staff" ("userId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_3d2f174ef04fb312fdebd0ddc5"');
    await queryRunner.query(
      'CREATE TABLE "temporary_session" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" integer NOT NULL, "expiresAt" datetime NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_3d2f174ef04fb312fdebd0ddc53" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_session"("id", "userId", "expiresAt", "createdAt") SELECT "id", "userId", "expiresAt", "createdAt" FROM "session"',
    );
    await queryRunner.query('DROP TABLE "session"');
    await queryRunner.query('ALTER TABLE "temporary_session" RENAME TO "session"');
    await queryRunner.query(
      'CREATE INDEX "IDX_3d2f174ef04fb312fdebd0ddc5" ON "session" ("userId") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_3d2f174ef04fb312fdebd0ddc5"');
    await queryRunner.query('ALTER TABLE "session" RENAME TO "temporary_session"');
    await queryRunner.query(
      'CREATE TABLE "session" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" integer NOT NULL, "expiresAt" datetime NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "session"("id", "userId", "expiresAt", "createdAt") SELECT "id", "userId", "expiresAt", "createdAt" FROM "temporary_session"',
    );
    await queryRunner.query('DROP TABLE "temporary_session"');
    await queryRunner.query(
      'CREATE INDEX "IDX_3d2f174ef04fb312fdebd0ddc5" ON "session" ("userId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_9f1fdde3adaa84a28f25b2d471"');
    await queryRunner.query('DROP INDEX "IDX_a2ab01b0a0902620b4cbf4664f"');
    await queryRunner.query('ALTER TABLE "seller_staff" RENAME TO "temporary_seller_staff"');
    await queryRunner.query(
      'CREATE TABLE "seller_staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "userId" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "seller_staff"("id", "createdAt", "updatedAt", "sellerId", "userId") SELECT "id", "createdAt", "updatedAt", "sellerId", "userId" FROM "temporary_seller_staff"',
    );
    await queryRunner.query('DROP TABLE "temporary_seller_staff"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9f1fdde3adaa84a28f25b2d471" ON "seller_staff" ("userId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a2ab01b0a0902620b4cbf4664f" ON "seller_staff" ("sellerId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d198f671fc2d7c8fe8d4944d0e"');
    await queryRunner.query('DROP INDEX "IDX_c3009db3b4315829bf43e1ea71"');
    await queryRunner.query('ALTER TABLE "company_member" RENAME TO "temporary_company_member"');
    await queryRunner.query(
      'CREATE TABLE "company_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "companyId" integer NOT NULL, "userId" integer NOT NULL, "roles" text NOT NULL, "department" varchar(16))',
    );
    await queryRunner.query(
      'INSERT INTO "company_member"("id", "createdAt", "updatedAt", "companyId", "userId", "roles", "department") SELECT "id", "createdAt", "updatedAt", "companyId", "userId", "roles", "department" FROM "temporary_company_member"',
    );
    await queryRunner.query('DROP TABLE "temporary_company_member"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d198f671fc2d7c8fe8d4944d0e" ON "company_member" ("companyId", "userId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c3009db3b4315829bf43e1ea71" ON "company_member" ("userId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_e12875dfb3b1d92d7d7c5377e2"');
    await queryRunner.query('DROP TABLE "user"');
    await queryRunner.query('DROP INDEX "IDX_3d2f174ef04fb312fdebd0ddc5"');
    await queryRunner.query('DROP TABLE "session"');
    await queryRunner.query('DROP INDEX "IDX_9f1fdde3adaa84a28f25b2d471"');
    await queryRunner.query('DROP INDEX "IDX_a2ab01b0a0902620b4cbf4664f"');
    await queryRunner.query('DROP TABLE "seller_staff"');
    await queryRunner.query('DROP INDEX "IDX_8700debd5a72afae92322fe5ef"');
    await queryRunner.query('DROP TABLE "seller"');
    await queryRunner.query('DROP INDEX "IDX_676ef6471ce7176869d73365a4"');
    await queryRunner.query('DROP TABLE "invitation"');
    await queryRunner.query('DROP INDEX "IDX_d198f671fc2d7c8fe8d4944d0e"');
    await queryRunner.query('DROP INDEX "IDX_c3009db3b4315829bf43e1ea71"');
    await queryRunner.query('DROP TABLE "company_member"');
    await queryRunner.query('DROP INDEX "IDX_09e9f49c748b5d54d454e430c5"');
    await queryRunner.query('DROP TABLE "company"');
    await queryRunner.query('DROP INDEX "IDX_b0ec0f223eab03e884042a6041"');
    await queryRunner.query('DROP INDEX "IDX_cb0df5c8d79ac0ea08a8711967"');
    await queryRunner.query('DROP TABLE "variant"');
    await queryRunner.query('DROP INDEX "IDX_8b76c477e6411dc0075ab3c7cb"');
    await queryRunner.query('DROP TABLE "stock_movement"');
    await queryRunner.query('DROP INDEX "IDX_4e022e040c3fec941fa32c1138"');
    await queryRunner.query('DROP INDEX "IDX_5cca049ed53eb6f6465e95db88"');
    await queryRunner.query('DROP INDEX "IDX_aac472f75738c343201f86392c"');
    await queryRunner.query('DROP INDEX "IDX_88dc4d6e62b56328591177126e"');
    await queryRunner.query('DROP INDEX "IDX_8cfaf4a1e80806d58e3dbe6922"');
    await queryRunner.query('DROP TABLE "product"');
    await queryRunner.query('DROP INDEX "IDX_de7491325ecbcf9e6362f45c01"');
    await queryRunner.query('DROP TABLE "price_tier"');
    await queryRunner.query('DROP INDEX "IDX_2e11906aa3a7fd5f41ad9139e3"');
    await queryRunner.query('DROP INDEX "IDX_cb73208f151aa71cdd78f662d7"');
    await queryRunner.query('DROP INDEX "IDX_d5456fd7e4c4866fec8ada1fa1"');
    await queryRunner.query('DROP TABLE "category"');
    await queryRunner.query('DROP INDEX "IDX_98117695956bc9ebd1fcb6d635"');
    await queryRunner.query('DROP TABLE "audit_event"');
  }
}
