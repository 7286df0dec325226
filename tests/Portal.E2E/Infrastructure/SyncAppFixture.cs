namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture: an application of its own (SQLite, demo practice) that portal-sync fills with sample
/// clients, invoices and documents, away from the demo process other classes count on.
/// Log: artifacts/logs/e2e-desktop-sync-sqlite.log.
/// </summary>
public sealed class SyncAppFixture() : AppFixture("desktop-sync-sqlite");
