namespace Portal.Core.Jobs;

public sealed record JobHandlerRegistration(string JobType, Type HandlerType);
