-- AlterTable
ALTER TABLE "Team" ADD COLUMN "presentationOrder" INTEGER;

-- CreateTable
CREATE TABLE "Stage" (
    "editionId" TEXT NOT NULL PRIMARY KEY,
    "currentTeamId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'IDLE',
    "slotMs" INTEGER NOT NULL,
    "endsAt" DATETIME,
    "remainingMs" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Stage_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vote" (
    "editionId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'NOT_OPEN',
    "method" TEXT NOT NULL DEFAULT 'RANKED',
    "picks" INTEGER NOT NULL DEFAULT 3,
    "requireSignIn" BOOLEAN NOT NULL DEFAULT false,
    "joinCode" TEXT NOT NULL,
    "audienceWeight" INTEGER NOT NULL DEFAULT 1,
    "bonusWeight" INTEGER NOT NULL DEFAULT 1,
    "publicVotePrize" BOOLEAN NOT NULL DEFAULT true,
    "revealed" INTEGER NOT NULL DEFAULT 0,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vote_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "userId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ballot_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotPick" (
    "ballotId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    PRIMARY KEY ("ballotId", "rank"),
    CONSTRAINT "BallotPick_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BallotPick_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Prize" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "place" INTEGER,
    "teamId" TEXT,
    "awardedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Prize_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Prize_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JuryVote" (
    "prizeId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("prizeId", "judgeId"),
    CONSTRAINT "JuryVote_prizeId_fkey" FOREIGN KEY ("prizeId") REFERENCES "Prize" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JuryVote_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Edition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'DRAFT',
    "hackingStartsAt" DATETIME NOT NULL,
    "presentationsStartAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "maxTeamSize" INTEGER NOT NULL DEFAULT 5,
    "slotSeconds" INTEGER NOT NULL DEFAULT 300,
    "changeoverSeconds" INTEGER NOT NULL DEFAULT 0,
    "displayKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Edition" ("createdAt", "endsAt", "hackingStartsAt", "id", "maxTeamSize", "number", "phase", "presentationsStartAt", "timezone", "title", "updatedAt") SELECT "createdAt", "endsAt", "hackingStartsAt", "id", "maxTeamSize", "number", "phase", "presentationsStartAt", "timezone", "title", "updatedAt" FROM "Edition";
DROP TABLE "Edition";
ALTER TABLE "new_Edition" RENAME TO "Edition";
CREATE UNIQUE INDEX "Edition_number_key" ON "Edition"("number");
CREATE UNIQUE INDEX "Edition_displayKey_key" ON "Edition"("displayKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Vote_joinCode_key" ON "Vote"("joinCode");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_editionId_voterKey_key" ON "Ballot"("editionId", "voterKey");

-- CreateIndex
CREATE INDEX "BallotPick_teamId_idx" ON "BallotPick"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotPick_ballotId_teamId_key" ON "BallotPick"("ballotId", "teamId");

-- CreateIndex
CREATE INDEX "Prize_editionId_idx" ON "Prize"("editionId");

