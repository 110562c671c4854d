-- AlterTable
ALTER TABLE "Group" ADD COLUMN "staffRoute" TEXT;

-- AlterTable
ALTER TABLE "TicketFollower" ADD COLUMN "ratedAt" DATETIME;
ALTER TABLE "TicketFollower" ADD COLUMN "rating" TEXT;
ALTER TABLE "TicketFollower" ADD COLUMN "resolved" BOOLEAN;

-- CreateTable
CREATE TABLE "PendingConfirmation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatKey" TEXT NOT NULL,
    "inboxMessageId" INTEGER NOT NULL,
    "askedAt" DATETIME NOT NULL,
    "answeredAt" DATETIME
);

-- AlterTable (a plain ADD COLUMN: SQLite needs no rebuild for a column with a default)
ALTER TABLE "Ticket" ADD COLUMN "nudgeCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "PendingConfirmation_inboxMessageId_key" ON "PendingConfirmation"("inboxMessageId");

-- CreateIndex
CREATE INDEX "PendingConfirmation_chatKey_askedAt_idx" ON "PendingConfirmation"("chatKey", "askedAt");

