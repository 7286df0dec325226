using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// A code issued with a PKCE challenge and redeemed without its verifier is a grant that does not
/// verify: RFC 7636 s4.6 answers invalid_grant, as for a wrong verifier. OpenIddict calls the missing
/// parameter invalid_request; programs should see one answer for both.
/// </summary>
internal sealed class MissingVerifierIsInvalidGrant : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyTokenResponseContext>()
            .UseSingletonHandler<MissingVerifierIsInvalidGrant>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.Error == Errors.InvalidRequest
            && context.Request is { } request
            && request.IsAuthorizationCodeGrantType()
            && !string.IsNullOrEmpty(request.Code)
            && string.IsNullOrEmpty(request.CodeVerifier))
        {
            context.Response.Error = Errors.InvalidGrant;
            context.Response.ErrorDescription = "The code_verifier parameter is required for this code.";
        }

        return ValueTask.CompletedTask;
    }
}
