import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillSearchTerms } from '../backfill-search-terms.js';

export class SearchIndex1796134042022 implements MigrationInterface {
  name = 'SearchIndex1796134042022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_88dc4d6e62b56328591177126e"');
    await queryRunner.query(
      'CREATE TABLE "product_search_term" ("term" varchar(64) NOT NULL, "productId" integer NOT NULL, "weight" smallint NOT NULL, "status" varchar(16) NOT NULL, "inStock" boolean NOT NULL, "categoryId" integer NOT NULL, "sellerId" integer NOT NULL, "minPrice" integer, PRIMARY KEY ("term", "productId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e524c070fe4d0f82ab60f1dbc0" ON "product_search_term" ("productId", "term") ',
    );
    await queryRunner.query('DROP INDEX "IDX_4e022e040c3fec941fa32c1138"');
    await queryRunner.query('DROP INDEX "IDX_5cca049ed53eb6f6465e95db88"');
    await queryRunner.query('DROP INDEX "IDX_aac472f75738c343201f86392c"');
    await queryRunner.query('DROP INDEX "IDX_8cfaf4a1e80806d58e3dbe6922"');
    await queryRunner.query(
      'CREATE TABLE "temporary_product" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "categoryId" integer NOT NULL, "slug" varchar(200) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "attributes" text NOT NULL, "imageUrls" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'DRAFT\'), "minPrice" integer, "currency" varchar(3), "inStock" boolean NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_product"("id", "createdAt", "updatedAt", "sellerId", "categoryId", "slug", "name", "description", "attributes", "imageUrls", "status", "minPrice", "currency", "inStock") SELECT "id", "createdAt", "updatedAt", "sellerId", "categoryId", "slug", "name", "description", "attributes", "imageUrls", "status", "minPrice", "currency", "inStock" FROM "product"',
    );
    await queryRunner.query('DROP TABLE "product"');
    await queryRunner.query('ALTER TABLE "temporary_product" RENAME TO "product"');
    await queryRunner.query(
      'CREATE INDEX "IDX_4e022e040c3fec941fa32c1138" ON "product" ("status", "minPrice", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5cca049ed53eb6f6465e95db88" ON "product" ("sellerId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_aac472f75738c343201f86392c" ON "product" ("categoryId", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8cfaf4a1e80806d58e3dbe6922" ON "product" ("slug") ',
    );
    await backfillSearchTerms(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_8cfaf4a1e80806d58e3dbe6922"');
    await queryRunner.query('DROP INDEX "IDX_aac472f75738c343201f86392c"');
    await queryRunner.query('DROP INDEX "IDX_5cca049ed53eb6f6465e95db88"');
    await queryRunner.query('DROP INDEX "IDX_4e022e040c3fec941fa32c1138"');
    await queryRunner.query('ALTER TABLE "product" RENAME TO "temporary_product"');
    await queryRunner.query(
      'CREATE TABLE "product" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "sellerId" integer NOT NULL, "categoryId" integer NOT NULL, "slug" varchar(200) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "attributes" text NOT NULL, "imageUrls" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'DRAFT\'), "minPrice" integer, "currency" varchar(3), "inStock" boolean NOT NULL DEFAULT (0), "searchText" text NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "product"("id", "createdAt", "updatedAt", "sellerId", "categoryId", "slug", "name", "description", "attributes", "imageUrls", "status", "minPrice", "currency", "inStock") SELECT "id", "createdAt", "updatedAt", "sellerId", "categoryId", "slug", "name", "description", "attributes", "imageUrls", "status", "minPrice", "currency", "inStock" FROM "temporary_product"',
    );
    await queryRunner.query('DROP TABLE "temporary_product"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8cfaf4a1e80806d58e3dbe6922" ON "product" ("slug") ',
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
    await queryRunner.query('DROP INDEX "IDX_e524c070fe4d0f82ab60f1dbc0"');
    await queryRunner.query('DROP TABLE "product_search_term"');
    await queryRunner.query(
      'CREATE INDEX "IDX_88dc4d6e62b56328591177126e" ON "product" ("searchText") ',
    );
  }
}
