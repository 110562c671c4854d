-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "pushRoute" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "affectedCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "assignDueAt" TIMESTAMP(3),
ADD COLUMN     "assignNudgedAt" TIMESTAMP(3),
ADD COLUMN     "feedbackNudgedAt" TIMESTAMP(3),
ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "assigneeName" TEXT,
ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "feedbackDueAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" INTEGER,
ADD COLUMN     "ratedAt" TIMESTAMP(3),
ADD COLUMN     "rating" TEXT,
ADD COLUMN     "resolved" BOOLEAN,
ADD COLUMN     "slaTier" TEXT NOT NULL DEFAULT 'ordinary';

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketFollower" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT,
    "via" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketFollower_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingExample" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "ticketId" INTEGER,
    "correctedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingExample_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Ticket_status_feedbackDueAt_idx" ON "Ticket"("status", "feedbackDueAt");

-- AddForeignKey
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketFollower" ADD CONSTRAINT "TicketFollower_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

