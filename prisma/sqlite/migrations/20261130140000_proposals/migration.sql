-- CreateTable
CREATE TABLE "Proposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "hotspotKey" TEXT NOT NULL,
    "level2" TEXT NOT NULL,
    "place" TEXT,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sections" TEXT NOT NULL,
    "ticketNumbers" TEXT NOT NULL,
    "draftedBy" TEXT NOT NULL,
    "deputyId" TEXT,
    "deputyName" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "handlingUnit" TEXT,
    "submittedAt" DATETIME,
    "reply" TEXT,
    "repliedAt" DATETIME,
    "satisfaction" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_number_key" ON "Proposal"("number");

-- CreateIndex
CREATE INDEX "Proposal_status_idx" ON "Proposal"("status");

-- CreateIndex
CREATE INDEX "Proposal_createdAt_idx" ON "Proposal"("createdAt");

