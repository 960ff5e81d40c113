-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "email" TEXT,
    "purpose" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EmailToken" ("createdAt", "expiresAt", "purpose", "tokenHash", "usedAt", "userId") SELECT "createdAt", "expiresAt", "purpose", "tokenHash", "usedAt", "userId" FROM "EmailToken";
DROP TABLE "EmailToken";
ALTER TABLE "new_EmailToken" RENAME TO "EmailToken";
CREATE INDEX "EmailToken_userId_idx" ON "EmailToken"("userId");
CREATE INDEX "EmailToken_email_idx" ON "EmailToken"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

