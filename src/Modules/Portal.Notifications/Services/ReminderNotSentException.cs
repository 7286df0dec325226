namespace Portal.Notifications.Services;

/// <summary>A reminder that could not be composed (e.g. its user was removed); it stays waiting.</summary>
public sealed class ReminderNotSentException(string message, Exception inner) : Exception(message, inner);
