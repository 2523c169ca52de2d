import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentBlocks1796156810288 implements MigrationInterface {
  name = 'ContentBlocks1796156810288';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `content_block` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `ownerId` int NOT NULL, `kind` varchar(16) NOT NULL, `placement` varchar(20) NOT NULL, `title` varchar(120) NOT NULL, `body` varchar(500) NULL, `imageUrl` varchar(500) NULL, `linkUrl` varchar(500) NULL, `callToAction` varchar(40) NULL, `productIds` text NOT NULL, `everyone` tinyint NOT NULL, `segmentIds` text NOT NULL, `tags` text NOT NULL, `priority` int NOT NULL, `startsAt` datetime NULL, `endsAt` datetime NULL, `status` varchar(10) NOT NULL, `createdByUserId` int NOT NULL, `updatedByUserId` int NOT NULL, INDEX `IDX_901003f14cb73072f29e069451` (`ownerId`, `id`), INDEX `IDX_a0d110a165f55c3f3aa1526e59` (`placement`, `status`, `priority`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_a0d110a165f55c3f3aa1526e59` ON `content_block`");
    await queryRunner.query("DROP INDEX `IDX_901003f14cb73072f29e069451` ON `content_block`");
    await queryRunner.query("DROP TABLE `content_block`");
  }
}
