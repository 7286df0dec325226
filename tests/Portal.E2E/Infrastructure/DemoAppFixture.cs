namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture: one application process on SQLite with the demo practice ("demo", Maple &amp;
/// Finch Accounting) created at its first start. Log: artifacts/logs/e2e-demo-sqlite.log.
/// </summary>
public sealed class DemoAppFixture() : AppFixture("demo-sqlite");
