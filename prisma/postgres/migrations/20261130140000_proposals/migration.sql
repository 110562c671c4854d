-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
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
    "submittedAt" TIMESTAMP(3),
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "satisfaction" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_number_key" ON "Proposal"("number");

-- CreateIndex
CREATE INDEX "Proposal_status_idx" ON "Proposal"("status");

-- CreateIndex
CREATE INDEX "Proposal_createdAt_idx" ON "Proposal"("createdAt");

