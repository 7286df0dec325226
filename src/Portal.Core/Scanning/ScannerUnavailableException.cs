namespace Portal.Core.Scanning;

/// <summary>The scanner gave no verdict; the file stays pending and its scan is retried.</summary>
public sealed class ScannerUnavailableException(string reason) : Exception(reason);
