using OpenIddict.Server;

namespace Portal.Sync.Services;

/// <summary>Reads the user code a person typed in its canonical form before OpenIddict looks it up.</summary>
internal sealed class UserCodeInput : IOpenIddictServerHandler<OpenIddictServerEvents.ExtractEndUserVerificationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ExtractEndUserVerificationRequestContext>()
            .UseSingletonHandler<UserCodeInput>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ExtractEndUserVerificationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request is { UserCode: { Length: > 0 } typed } request)
        {
            request.UserCode = UserCodes.Normalize(typed);
        }

        return ValueTask.CompletedTask;
    }
}
