import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractBilling1796136196174 implements MigrationInterface {
  name = 'ContractBilling1796136196174';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `contract_milestone` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `contractId` int NOT NULL, `companyId` int NOT NULL, `sellerId` int NOT NULL, `position` int NOT NULL, `label` varchar(80) NOT NULL, `amountDue` int NOT NULL, `amountPaid` int NOT NULL DEFAULT '0', `currency` varchar(3) NOT NULL, `trigger` varchar(16) NOT NULL, `dueDate` varchar(10) NULL, `netDays` int NOT NULL, `triggeredAt` datetime NULL, `dueAt` datetime NULL, `paidAt` datetime NULL, INDEX `IDX_5f2131b5088781e3fa53271ad5` (`sellerId`, `dueAt`), INDEX `IDX_34cae50f152534deecabccb0a3` (`companyId`, `dueAt`), UNIQUE INDEX `IDX_d1710671185de2c0111f791951` (`contractId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `contract_payment` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `sellerId` int NOT NULL, `companyId` int NOT NULL, `contractId` int NOT NULL, `milestoneId` int NOT NULL, `amountReceived` int NOT NULL, `currency` varchar(3) NOT NULL, `reference` varchar(64) NOT NULL, `recordedByUserId` int NOT NULL, INDEX `IDX_de980e0c50fbb736328c32b042` (`contractId`), UNIQUE INDEX `IDX_57cded934c1a4f0f23958b8fac` (`sellerId`, `reference`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `contract` ADD `deliveredAt` datetime NULL');
    await queryRunner.query('ALTER TABLE `contract` ADD `acceptedAt` datetime NULL');
    await queryRunner.query('ALTER TABLE `contract` ADD `disputeNote` varchar(2000) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `contract` DROP COLUMN `disputeNote`');
    await queryRunner.query('ALTER TABLE `contract` DROP COLUMN `acceptedAt`');
    await queryRunner.query('ALTER TABLE `contract` DROP COLUMN `deliveredAt`');
    await queryRunner.query('DROP INDEX `IDX_57cded934c1a4f0f23958b8fac` ON `contract_payment`');
    await queryRunner.query('DROP INDEX `IDX_de980e0c50fbb736328c32b042` ON `contract_payment`');
    await queryRunner.query('DROP TABLE `contract_payment`');
    await queryRunner.query('DROP INDEX `IDX_d1710671185de2c0111f791951` ON `contract_milestone`');
    await queryRunner.query('DROP INDEX `IDX_34cae50f152534deecabccb0a3` ON `contract_milestone`');
    await queryRunner.query('DROP INDEX `IDX_5f2131b5088781e3fa53271ad5` ON `contract_milestone`');
    await queryRunner.query('DROP TABLE `contract_milestone`');
  }
}
