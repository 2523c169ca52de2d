import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A framework deal's total was once its lines' quantities at their prices; it is now the
 * committed quantities at their prices (what the contract binds the company to). Recomputes
 * the offers and contracts of framework deals by `quantity` (same SQL on both drivers, so both
 * migration folders export this one class); approval requests keep the amount they were
 * decided on.
 */
async function recompute(queryRunner: QueryRunner, quantity: string): Promise<void> {
  await queryRunner.query(
    'UPDATE quote_version SET totalAmount = (' +
      `SELECT COALESCE(SUM(${quantity} * l.unitPriceAmount), 0) FROM quote_version_line l ` +
      'WHERE l.versionId = quote_version.id) ' +
      "WHERE quoteId IN (SELECT id FROM quote_request WHERE dealKind = 'FRAMEWORK')",
  );
  await queryRunner.query(
    'UPDATE contract SET totalAmount = (' +
      'SELECT v.totalAmount FROM quote_version v WHERE v.id = contract.quoteVersionId) ' +
      "WHERE kind = 'FRAMEWORK'",
  );
}

export class FrameworkTotals1796216307177 implements MigrationInterface {
  name = 'FrameworkTotals1796216307177';

  async up(queryRunner: QueryRunner): Promise<void> {
    await recompute(queryRunner, 'COALESCE(l.committedQuantity, l.quantity)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await recompute(queryRunner, 'l.quantity');
  }
}
