namespace Portal.Core.Storage;

/// <summary>What was stored: the plaintext length and its SHA-256 (lower-case hex), to record with the file and check on read.</summary>
public sealed record StoredBlob(long Length, string Sha256);
