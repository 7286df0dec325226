using System.Net;

namespace Portal.StripeEmulator.Wire;

/// <summary>An answer in Stripe's error shape: <c>{"error":{"type","code","decline_code","message","param"}}</c>.</summary>
internal sealed class StripeApiException : Exception
{
    public StripeApiException(HttpStatusCode status, string type, string message, string? code = null, string? param = null, string? declineCode = null)
        : base(message)
    {
        Status = status;
        Type = type;
        Code = code;
        Param = param;
        DeclineCode = declineCode;
    }

    public HttpStatusCode Status { get; }

    public string Type { get; }

    public string? Code { get; }

    public string? Param { get; }

    public string? DeclineCode { get; }

    public static StripeApiException InvalidRequest(string message, string? param = null, string? code = null)
        => new(HttpStatusCode.BadRequest, "invalid_request_error", message, code ?? (param is null ? null : "parameter_invalid"), param);

    public static StripeApiException Missing(string param)
        => new(HttpStatusCode.BadRequest, "invalid_request_error", $"Missing required param: {param}.", "parameter_missing", param);

    public static StripeApiException Unknown(string param)
        => new(HttpStatusCode.BadRequest, "invalid_request_error", $"Received unknown parameter: {param}", "parameter_unknown", param);

    public static StripeApiException NoSuch(string what, string id, string param = "id")
        => new(HttpStatusCode.NotFound, "invalid_request_error", $"No such {what}: '{id}'", "resource_missing", param);
}
