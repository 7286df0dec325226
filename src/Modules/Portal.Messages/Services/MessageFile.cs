namespace Portal.Messages.Services;

/// <summary>A file to attach to a message, as the person chose it.</summary>
public sealed record MessageFile(string FileName, Stream Content);
