using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Events;

/// <summary>An event only the tests publish; its handlers fail on the first <see cref="FailingAttempts"/> attempts when asked to.</summary>
public sealed record TestHappened(Guid Marker, int FailingAttempts = 0) : IDomainEvent
{
    public static string EventType => "tests.happened";
}

/// <summary>An event no handler subscribes to.</summary>
public sealed record NobodyListens(Guid Marker) : IDomainEvent
{
    public static string EventType => "tests.nobody-listens";
}

/// <summary>An event whose only handler needs a feature no practice has.</summary>
public sealed record OnlyAFeatureListens(Guid Marker) : IDomainEvent
{
    public const string Feature = "Tests.NeverOn";

    public static string EventType => "tests.only-a-feature-listens";
}

/// <summary>An event each of whose two handlers takes only some: <see cref="PickyRecorder"/> those for the first, <see cref="OtherPickyRecorder"/> those for the second.</summary>
public sealed record SometimesTaken(Guid Marker, bool ForFirst, bool ForSecond) : IDomainEvent
{
    public static string EventType => "tests.sometimes-taken";
}

public sealed class PickyRecorder(HandlerCalls calls) : IDomainEventHandler<SometimesTaken>
{
    public Task HandleAsync(SometimesTaken domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        calls.Add(nameof(PickyRecorder), domainEvent.Marker, context.Attempt, succeeded: true);
        return Task.CompletedTask;
    }
}

public sealed class OtherPickyRecorder(HandlerCalls calls) : IDomainEventHandler<SometimesTaken>
{
    public Task HandleAsync(SometimesTaken domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        calls.Add(nameof(OtherPickyRecorder), domainEvent.Marker, context.Attempt, succeeded: true);
        return Task.CompletedTask;
    }
}

/// <summary>Would record the call; registered for <see cref="OnlyAFeatureListens.Feature"/> only.</summary>
public sealed class FeatureOnlyRecorder(HandlerCalls calls) : IDomainEventHandler<OnlyAFeatureListens>
{
    public Task HandleAsync(OnlyAFeatureListens domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        calls.Add(nameof(FeatureOnlyRecorder), domainEvent.Marker, context.Attempt, succeeded: true);
        return Task.CompletedTask;
    }
}

/// <summary>Every handler call the tests' handlers saw, in order.</summary>
public sealed class HandlerCalls
{
    private readonly ConcurrentQueue<(string Handler, Guid Marker, int Attempt, bool Succeeded)> _calls = new();

    public void Add(string handler, Guid marker, int attempt, bool succeeded) => _calls.Enqueue((handler, marker, attempt, succeeded));

    public IReadOnlyList<(string Handler, Guid Marker, int Attempt, bool Succeeded)> For(Guid marker) => _calls.Where(c => c.Marker == marker).ToList();
}

public sealed class RecordingHandler(HandlerCalls calls) : IDomainEventHandler<TestHappened>
{
    public Task HandleAsync(TestHappened domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        calls.Add(nameof(RecordingHandler), domainEvent.Marker, context.Attempt, succeeded: true);
        return Task.CompletedTask;
    }
}

public sealed class FlakyHandler(HandlerCalls calls) : IDomainEventHandler<TestHappened>
{
    public Task HandleAsync(TestHappened domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        var fails = context.Attempt <= domainEvent.FailingAttempts;
        calls.Add(nameof(FlakyHandler), domainEvent.Marker, context.Attempt, succeeded: !fails);
        return fails ? throw new InvalidOperationException($"failing on attempt {context.Attempt}") : Task.CompletedTask;
    }
}

/// <summary>Subscribes to a real module's event: the client's id is the marker.</summary>
public sealed class ClientCreatedRecorder(HandlerCalls calls) : IDomainEventHandler<ClientCreated>
{
    public Task HandleAsync(ClientCreated domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        calls.Add(nameof(ClientCreatedRecorder), domainEvent.ClientId, context.Attempt, succeeded: true);
        return Task.CompletedTask;
    }
}

/// <summary>Subscribes to ClientCreated only where the Documents feature is on.</summary>
public sealed class DocumentsOnlyClientCreatedRecorder(HandlerCalls calls) : IDomainEventHandler<ClientCreated>
{
    public Task HandleAsync(ClientCreated domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        calls.Add(nameof(DocumentsOnlyClientCreatedRecorder), domainEvent.ClientId, context.Attempt, succeeded: true);
        return Task.CompletedTask;
    }
}

/// <summary>Shared apps with the tests' event handlers registered.</summary>
public sealed class SharedAppsWithEventHandlers : ClassApps
{
    protected override void Configure(PortalApplicationOptions options) => options.WithServices(services =>
    {
        services.AddSingleton<HandlerCalls>();
        services.AddDomainEventHandler<TestHappened, RecordingHandler>();
        services.AddDomainEventHandler<TestHappened, FlakyHandler>();
        services.AddDomainEventHandler<ClientCreated, ClientCreatedRecorder>();
        services.AddDomainEventHandler<ClientCreated, DocumentsOnlyClientCreatedRecorder>(requiredFeature: "Portal.Documents");
        services.AddDomainEventHandler<OnlyAFeatureListens, FeatureOnlyRecorder>(requiredFeature: OnlyAFeatureListens.Feature);
        services.AddDomainEventHandler<SometimesTaken, PickyRecorder>(takes: e => e.ForFirst);
        services.AddDomainEventHandler<SometimesTaken, OtherPickyRecorder>(takes: e => e.ForSecond);
    });
}
