namespace Portal.StripeEmulator.Wire;

/// <summary>Writes every authenticated API request into the <see cref="ApiRequestLog"/> before it is answered.</summary>
internal sealed class ApiRequestRecorder(RequestDelegate next, ApiRequestLog log, TimeProvider clock)
{
    public Task InvokeAsync(HttpContext context)
    {
        var caller = ApiCaller.Of(context);
        log.Add(new ApiRequestRecord(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", caller.Account, caller.RawBody, clock.GetUtcNow()));
        return next(context);
    }
}
