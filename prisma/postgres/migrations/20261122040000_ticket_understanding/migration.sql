-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "contact" TEXT,
ADD COLUMN     "needsReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "place" TEXT,
ADD COLUMN     "urgency" TEXT NOT NULL DEFAULT 'normal',
ADD COLUMN     "urgencySignals" TEXT;

