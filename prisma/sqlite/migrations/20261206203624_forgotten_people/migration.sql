-- AlterTable
ALTER TABLE "User" ADD COLUMN "forgottenAt" DATETIME;

