ALTER TABLE "Ticket" ADD COLUMN "requestType" TEXT;
