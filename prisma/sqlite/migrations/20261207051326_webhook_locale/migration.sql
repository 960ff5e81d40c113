-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN "locale" TEXT;

