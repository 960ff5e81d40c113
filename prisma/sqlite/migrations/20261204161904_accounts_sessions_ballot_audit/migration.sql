-- AlterTable
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" DATETIME;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "clientHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmailToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotVoid" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "byUserId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "clientHash" TEXT,
    "fromAt" DATETIME,
    "toAt" DATETIME,
    "ballots" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restoredAt" DATETIME,
    "restoredById" TEXT,
    CONSTRAINT "BallotVoid_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Vote" (
    "editionId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'NOT_OPEN',
    "method" TEXT NOT NULL DEFAULT 'RANKED',
    "picks" INTEGER NOT NULL DEFAULT 3,
    "requireSignIn" BOOLEAN NOT NULL DEFAULT false,
    "joinCode" TEXT NOT NULL,
    "audienceWeight" INTEGER NOT NULL DEFAULT 1,
    "bonusWeight" INTEGER NOT NULL DEFAULT 1,
    "publicVotePrize" BOOLEAN NOT NULL DEFAULT true,
    "foldPlusAddresses" BOOLEAN NOT NULL DEFAULT false,
    "revealed" INTEGER NOT NULL DEFAULT 0,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vote_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Vote" ("audienceWeight", "bonusWeight", "closedAt", "editionId", "joinCode", "method", "openedAt", "picks", "publicVotePrize", "requireSignIn", "revealed", "status", "updatedAt") SELECT "audienceWeight", "bonusWeight", "closedAt", "editionId", "joinCode", "method", "openedAt", "picks", "publicVotePrize", "requireSignIn", "revealed", "status", "updatedAt" FROM "Vote";
DROP TABLE "Vote";
ALTER TABLE "new_Vote" RENAME TO "Vote";
CREATE UNIQUE INDEX "Vote_joinCode_key" ON "Vote"("joinCode");
CREATE TABLE "new_Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "userId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "clientHash" TEXT NOT NULL DEFAULT '',
    "voidId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ballot_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ballot_voidId_fkey" FOREIGN KEY ("voidId") REFERENCES "BallotVoid" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ballot" ("createdAt", "editionId", "id", "updatedAt", "userId", "version", "voterKey") SELECT "createdAt", "editionId", "id", "updatedAt", "userId", "version", "voterKey" FROM "Ballot";
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
CREATE INDEX "Ballot_editionId_clientHash_idx" ON "Ballot"("editionId", "clientHash");
CREATE UNIQUE INDEX "Ballot_editionId_voterKey_key" ON "Ballot"("editionId", "voterKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "SignInFailure_email_createdAt_idx" ON "SignInFailure"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInFailure_clientHash_createdAt_idx" ON "SignInFailure"("clientHash", "createdAt");

-- CreateIndex
CREATE INDEX "SignInFailure_createdAt_idx" ON "SignInFailure"("createdAt");

-- CreateIndex
CREATE INDEX "EmailToken_userId_idx" ON "EmailToken"("userId");

-- CreateIndex
CREATE INDEX "BallotVoid_editionId_idx" ON "BallotVoid"("editionId");


-- Hand-written: accounts that existed before addresses were verified keep signing in
-- (locking everyone out on an upgrade would be worse than trusting them as before).
UPDATE "User" SET "emailVerifiedAt" = "createdAt" WHERE "emailVerifiedAt" IS NULL;
