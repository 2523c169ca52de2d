import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminListIndexes1796154237602 implements MigrationInterface {
  name = 'AdminListIndexes1796154237602';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `IDX_5936c66cfb45464c5ebb7d2921` ON `company` (`status`, `name`, `id`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_4b406e52a41932f2d3cd9bf382` ON `company` (`name`, `id`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_6e75902ab4d08637db873bfa6f` ON `seller` (`status`, `name`, `id`)',
    );
    await queryRunner.query(
      'CREATE INDEX `IDX_d30583ae60471ebb9e166fc832` ON `seller` (`name`, `id`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_d30583ae60471ebb9e166fc832` ON `seller`');
    await queryRunner.query('DROP INDEX `IDX_6e75902ab4d08637db873bfa6f` ON `seller`');
    await queryRunner.query('DROP INDEX `IDX_4b406e52a41932f2d3cd9bf382` ON `company`');
    await queryRunner.query('DROP INDEX `IDX_5936c66cfb45464c5ebb7d2921` ON `company`');
  }
}
