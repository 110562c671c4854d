-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "staffRoute" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "nudgeCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "TicketFollower" ADD COLUMN     "ratedAt" TIMESTAMP(3),
ADD COLUMN     "rating" TEXT,
ADD COLUMN     "resolved" BOOLEAN;

-- CreateTable
CREATE TABLE "PendingConfirmation" (
    "id" SERIAL NOT NULL,
    "chatKey" TEXT NOT NULL,
    "inboxMessageId" INTEGER NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "PendingConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingConfirmation_inboxMessageId_key" ON "PendingConfirmation"("inboxMessageId");

-- CreateIndex
CREATE INDEX "PendingConfirmation_chatKey_askedAt_idx" ON "PendingConfirmation"("chatKey", "askedAt");

