using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.Wire;

/// <summary>Turns errors into Stripe's error JSON; an unexpected failure becomes a 500 api_error, never a stack trace.</summary>
internal sealed class StripeErrorResponses(RequestDelegate next, ILogger<StripeErrorResponses> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
            {
                await WriteAsync(context, new StripeApiException(System.Net.HttpStatusCode.MethodNotAllowed, "invalid_request_error",
                    $"Unrecognized request URL ({context.Request.Method}: {context.Request.Path})."));
            }
        }
        catch (StripeApiException error) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, error);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            logger.LogError(error, "The Stripe emulator failed on {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, new StripeApiException(System.Net.HttpStatusCode.InternalServerError, "api_error", "An error occurred with our connection to Stripe (emulator failure)."));
        }
    }

    public static Task WriteAsync(HttpContext context, StripeApiException error)
    {
        var body = new JsonObject
        {
            ["type"] = error.Type,
            ["code"] = error.Code,
            ["decline_code"] = error.DeclineCode,
            ["message"] = error.Message,
            ["param"] = error.Param,
        };
        context.Response.StatusCode = (int)error.Status;
        return StripeJson.WriteAsync(context, new JsonObject { ["error"] = body });
    }
}
