-- AlterTable
ALTER TABLE "Upload" ADD COLUMN "content" BLOB;

