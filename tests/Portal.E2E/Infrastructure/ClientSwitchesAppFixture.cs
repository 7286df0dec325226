namespace Portal.E2E.Infrastructure;

/// <summary>
/// A class fixture: an application of its own (SQLite, demo practice) whose client site switches a test
/// may turn off without taking the client uploader away from the tests sharing the demo process.
/// Log: artifacts/logs/e2e-client-switches-sqlite.log.
/// </summary>
public sealed class ClientSwitchesAppFixture() : AppFixture("client-switches-sqlite");
