-- AlterTable
ALTER TABLE "EmailToken" ADD COLUMN     "email" TEXT,
ALTER COLUMN "userId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "EmailToken_email_idx" ON "EmailToken"("email");

