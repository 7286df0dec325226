namespace Portal.Sync.Api;

/// <summary>A staff member assigned to a project; the note is posted once to the project's thread, from them.</summary>
public sealed record ProjectAssignment(string? StaffEmail, string? Note);
