-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "disabledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "InboxMessage" ADD COLUMN     "signature" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" DROP COLUMN "maxAttempts",
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "uncertainSends" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "InboxMessage_channel_signature_key" ON "InboxMessage"("channel", "signature");

-- CreateIndex
CREATE INDEX "OutboxMessage_destination_status_idx" ON "OutboxMessage"("destination", "status");

