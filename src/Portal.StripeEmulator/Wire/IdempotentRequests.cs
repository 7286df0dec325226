using System.Net;

namespace Portal.StripeEmulator.Wire;

/// <summary>
/// Idempotency-Key on POST: the same key with the same parameters replays the first answer byte for byte
/// (Idempotent-Replayed: true); with other parameters it is a 400 idempotency_error; while the first is
/// still running, a 409.
/// </summary>
internal sealed class IdempotentRequests(RequestDelegate next, IdempotencyStore store)
{
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (context.Request.Method != HttpMethods.Post || key.Length == 0)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            throw StripeApiException.InvalidRequest($"Invalid Idempotency-Key: keys can be at most {MaxKeyLength} characters.", code: "idempotency_key_invalid");
        }

        var caller = ApiCaller.Of(context);
        var scope = $"{caller.ApiKey}\n{caller.Account}\n{key}";
        var fingerprint = $"{context.Request.Method} {context.Request.Path}\n{caller.RawBody}";
        var (entry, claimed) = store.Claim(scope, fingerprint);
        if (!claimed)
        {
            await AnswerRepeatAsync(context, key, entry, fingerprint);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            store.Release(scope, entry);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        var body = buffer.ToArray();
        if (status is >= 200 and < 300 or (int)HttpStatusCode.PaymentRequired)
        {
            store.Complete(entry, status, context.Response.ContentType, body, context.Response.Headers[RequestIds.Header]);
        }
        else
        {
            store.Release(scope, entry);
        }

        context.Response.Headers["Idempotency-Key"] = key;
        if (!context.RequestAborted.IsCancellationRequested)
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task AnswerRepeatAsync(HttpContext context, string key, IdempotencyEntry entry, string fingerprint)
    {
        if (entry.Fingerprint != fingerprint)
        {
            throw new StripeApiException(HttpStatusCode.BadRequest, "idempotency_error",
                $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.",
                "idempotency_key_reused");
        }

        if (entry.InFlight)
        {
            throw new StripeApiException(HttpStatusCode.Conflict, "idempotency_error",
                $"There is currently another in-progress request using this Stripe token or idempotent key '{key}'; retry later.",
                "idempotency_key_in_use");
        }

        context.Response.StatusCode = entry.Status;
        context.Response.ContentType = entry.ContentType;
        context.Response.Headers["Idempotency-Key"] = key;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        context.Response.Headers["Original-Request"] = entry.RequestId;
        await context.Response.Body.WriteAsync(entry.Body, context.RequestAborted);
    }
}
