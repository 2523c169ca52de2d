import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrameworkCallOffs1796136548382 implements MigrationInterface {
  name = 'FrameworkCallOffs1796136548382';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `credit_line` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `sellerId` int NOT NULL, `companyId` int NOT NULL, `limitAmount` int NOT NULL, `currency` varchar(3) NOT NULL, UNIQUE INDEX `IDX_9dfe59192b009376ef26c779e0` (`sellerId`, `companyId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `call_off` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `contractId` int NOT NULL, `companyId` int NOT NULL, `sellerId` int NOT NULL, `placedByUserId` int NOT NULL, `idempotencyKey` varchar(64) NOT NULL, `status` varchar(12) NOT NULL, `totalAmount` int NOT NULL, `currency` varchar(3) NOT NULL, UNIQUE INDEX `IDX_df7d27e9189fbc73546020f66f` (`contractId`, `idempotencyKey`), INDEX `IDX_475146600c46cb8011458855dc` (`contractId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `call_off_line` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `callOffId` int NOT NULL, `contractLineId` int NOT NULL, `variantId` int NULL, `quantity` int NOT NULL, `unitPriceAmount` int NOT NULL, `currency` varchar(3) NOT NULL, INDEX `IDX_d9978e319942c47fe694ba9fbb` (`callOffId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `contract_milestone` ADD `callOffId` int NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `contract_milestone` DROP COLUMN `callOffId`');
    await queryRunner.query('DROP INDEX `IDX_d9978e319942c47fe694ba9fbb` ON `call_off_line`');
    await queryRunner.query('DROP TABLE `call_off_line`');
    await queryRunner.query('DROP INDEX `IDX_475146600c46cb8011458855dc` ON `call_off`');
    await queryRunner.query('DROP INDEX `IDX_df7d27e9189fbc73546020f66f` ON `call_off`');
    await queryRunner.query('DROP TABLE `call_off`');
    await queryRunner.query('DROP INDEX `IDX_9dfe59192b009376ef26c779e0` ON `credit_line`');
    await queryRunner.query('DROP TABLE `credit_line`');
  }
}
