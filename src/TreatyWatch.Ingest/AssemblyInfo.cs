namespace TreatyWatch.Ingest;
