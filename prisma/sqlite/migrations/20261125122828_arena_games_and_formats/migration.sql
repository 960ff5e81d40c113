-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Challenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "manualState" TEXT,
    "hiddenUntilOpen" BOOLEAN NOT NULL DEFAULT true,
    "scoring" TEXT NOT NULL,
    "rankPoints" TEXT NOT NULL DEFAULT '10,7,5,3,1',
    "fixedPoints" INTEGER NOT NULL DEFAULT 5,
    "maxPoints" INTEGER NOT NULL DEFAULT 10,
    "game" TEXT NOT NULL DEFAULT 'rps',
    "matchRounds" INTEGER NOT NULL DEFAULT 1000,
    "matchesPerPair" INTEGER NOT NULL DEFAULT 3,
    "format" TEXT NOT NULL DEFAULT 'ROUND_ROBIN',
    "swissRounds" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Challenge_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Challenge" ("closesAt", "createdAt", "editionId", "fixedPoints", "hiddenUntilOpen", "id", "kind", "manualState", "maxPoints", "opensAt", "rankPoints", "scoring", "statement", "title", "updatedAt") SELECT "closesAt", "createdAt", "editionId", "fixedPoints", "hiddenUntilOpen", "id", "kind", "manualState", "maxPoints", "opensAt", "rankPoints", "scoring", "statement", "title", "updatedAt" FROM "Challenge";
DROP TABLE "Challenge";
ALTER TABLE "new_Challenge" RENAME TO "Challenge";
CREATE INDEX "Challenge_editionId_opensAt_idx" ON "Challenge"("editionId", "opensAt");
CREATE TABLE "new_Tournament" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "challengeId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "seed" INTEGER NOT NULL,
    "game" TEXT NOT NULL DEFAULT 'rps',
    "rounds" INTEGER NOT NULL DEFAULT 1000,
    "matchesPerPair" INTEGER NOT NULL DEFAULT 3,
    "format" TEXT NOT NULL DEFAULT 'ROUND_ROBIN',
    "swissRounds" INTEGER NOT NULL DEFAULT 0,
    "entries" TEXT NOT NULL DEFAULT '[]',
    "byes" TEXT NOT NULL DEFAULT '[]',
    "total" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "Tournament_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Tournament" ("challengeId", "finishedAt", "id", "matchesPerPair", "rounds", "seed", "startedAt", "status", "total") SELECT "challengeId", "finishedAt", "id", "matchesPerPair", "rounds", "seed", "startedAt", "status", "total" FROM "Tournament";
DROP TABLE "Tournament";
ALTER TABLE "new_Tournament" RENAME TO "Tournament";
CREATE UNIQUE INDEX "Tournament_challengeId_key" ON "Tournament"("challengeId");
CREATE TABLE "new_TournamentMatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tournamentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,
    "teamAId" TEXT NOT NULL,
    "teamBId" TEXT NOT NULL,
    "versionAId" TEXT NOT NULL,
    "versionBId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "winner" INTEGER,
    "winsA" INTEGER NOT NULL DEFAULT 0,
    "winsB" INTEGER NOT NULL DEFAULT 0,
    "draws" INTEGER NOT NULL DEFAULT 0,
    "record" TEXT,
    "forfeitA" TEXT,
    "forfeitB" TEXT,
    "finishedAt" DATETIME,
    CONSTRAINT "TournamentMatch_tournamentId_fkey" FOREIGN KEY ("tournamentId") REFERENCES "Tournament" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TournamentMatch" ("draws", "finishedAt", "id", "number", "record", "seed", "status", "teamAId", "teamBId", "tournamentId", "versionAId", "versionBId", "winner", "winsA", "winsB") SELECT "draws", "finishedAt", "id", "number", "record", "seed", "status", "teamAId", "teamBId", "tournamentId", "versionAId", "versionBId", "winner", "winsA", "winsB" FROM "TournamentMatch";
DROP TABLE "TournamentMatch";
ALTER TABLE "new_TournamentMatch" RENAME TO "TournamentMatch";
CREATE INDEX "TournamentMatch_tournamentId_status_idx" ON "TournamentMatch"("tournamentId", "status");
CREATE UNIQUE INDEX "TournamentMatch_tournamentId_number_key" ON "TournamentMatch"("tournamentId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

