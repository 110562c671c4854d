-- AlterTable
ALTER TABLE "Group" ADD COLUMN "pushRoute" TEXT;

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT,
    "actorRole" TEXT NOT NULL,
    "note" TEXT,
    "sourceKey" TEXT NOT NULL,
    "inboxMessageId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketFollower" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT,
    "via" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketFollower_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "Member_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingExample" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "ticketId" INTEGER,
    "correctedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (columns added in place: no table rebuild)
ALTER TABLE "Ticket" ADD COLUMN "slaTier" TEXT NOT NULL DEFAULT 'ordinary';
ALTER TABLE "Ticket" ADD COLUMN "assignDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "feedbackDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "assignNudgedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "feedbackNudgedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "assigneeName" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "closeReason" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "resolved" BOOLEAN;
ALTER TABLE "Ticket" ADD COLUMN "rating" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "ratedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "mergedIntoId" INTEGER;
ALTER TABLE "Ticket" ADD COLUMN "affectedCount" INTEGER NOT NULL DEFAULT 1;
CREATE INDEX "Ticket_status_feedbackDueAt_idx" ON "Ticket"("status", "feedbackDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "TicketEvent_sourceKey_key" ON "TicketEvent"("sourceKey");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_createdAt_idx" ON "TicketEvent"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "TicketEvent_actorId_createdAt_idx" ON "TicketEvent"("actorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TicketFollower_ticketId_platformUserId_key" ON "TicketFollower"("ticketId", "platformUserId");

-- CreateIndex
CREATE INDEX "Member_platformUserId_idx" ON "Member"("platformUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_groupId_platformUserId_key" ON "Member"("groupId", "platformUserId");
