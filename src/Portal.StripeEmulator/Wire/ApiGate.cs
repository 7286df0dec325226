using System.Net;
using System.Text;
using Microsoft.Extensions.Primitives;
using Portal.StripeEmulator.Hosting;
using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Wire;

/// <summary>
/// What every /v1 request must get right before an endpoint sees it: a known secret key (Bearer, or Basic
/// with the key as user), a Stripe-Version the emulator speaks, a form-encoded body, and a Stripe-Account
/// the platform owns.
/// </summary>
internal sealed class ApiGate(RequestDelegate next, StripeEmulatorOptions options, EmulatorStore store)
{
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var apiKey = ReadApiKey(context.Request);
        CheckVersion(context.Request);
        var account = ReadAccount(context.Request, apiKey);
        var rawBody = await ReadBodyAsync(context.Request);
        var root = context.Request.Method == HttpMethods.Get || context.Request.Method == HttpMethods.Delete
            ? FormParser.Parse(context.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))))
            : FormParser.Parse(rawBody);
        context.Items[typeof(ApiCaller)] = new ApiCaller(apiKey, account, new Params(root), rawBody);
        await next(context);
    }

    private string ReadApiKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        string? key = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = header["Bearer ".Length..].Trim();
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            key = DecodeBasicUser(header["Basic ".Length..].Trim());
        }

        if (string.IsNullOrEmpty(key))
        {
            throw new StripeApiException(HttpStatusCode.Unauthorized, "invalid_request_error",
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }

        if (!key.StartsWith("sk_test_", StringComparison.Ordinal) || !options.SecretKeys.Contains(key, StringComparer.Ordinal))
        {
            throw new StripeApiException(HttpStatusCode.Unauthorized, "invalid_request_error",
                $"Invalid API Key provided: {Redact(key)}", "api_key_invalid");
        }

        return key;
    }

    private static string? DecodeBasicUser(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Redact(string key) => key.Length <= 12 ? "****" : $"{key[..8]}{new string('*', key.Length - 12)}{key[^4..]}";

    private static void CheckVersion(HttpRequest request)
    {
        if (request.Headers.TryGetValue("Stripe-Version", out var version) && !StringValues.IsNullOrEmpty(version)
            && version.ToString() != StripeApiVersion.Current)
        {
            throw StripeApiException.InvalidRequest(
                $"Invalid Stripe API version: {version}. This emulator speaks {StripeApiVersion.Current} only.", code: "api_version_invalid");
        }
    }

    private string? ReadAccount(HttpRequest request, string apiKey)
    {
        var account = request.Headers["Stripe-Account"].ToString();
        if (account.Length == 0)
        {
            return null;
        }

        if (store.Find<AccountRecord>(account, null) is null)
        {
            throw new StripeApiException(HttpStatusCode.Forbidden, "invalid_request_error",
                $"The provided key '{Redact(apiKey)}' does not have access to account '{account}' (or that account does not exist). Application access may have been revoked.",
                "account_invalid");
        }

        return account;
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new StripeApiException(HttpStatusCode.RequestEntityTooLarge, "invalid_request_error", "The request body is too large.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (body.Length == 0)
        {
            return body;
        }

        var contentType = request.ContentType ?? string.Empty;
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            throw StripeApiException.InvalidRequest(
                $"Invalid request: the body must be form-encoded (Content-Type: application/x-www-form-urlencoded, e.g. metadata[key]=value), not '{contentType}'. JSON bodies are not accepted.",
                code: "invalid_request_body");
        }

        return body;
    }
}
