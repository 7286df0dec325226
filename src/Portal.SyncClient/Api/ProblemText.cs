using System.Text.Json;

namespace PortalSync.Api;

/// <summary>A portal error (RFC 9457 problem details) as one sentence for the person.</summary>
internal static class ProblemText
{
    public static async Task<string> OfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object
                && (problem.RootElement.TryGetProperty("detail", out var detail) || problem.RootElement.TryGetProperty("title", out detail))
                && detail.ValueKind == JsonValueKind.String)
            {
                return $"The portal refused {path}: {detail.GetString()} ({(int)response.StatusCode})";
            }
        }
        catch (JsonException)
        {
        }

        return $"The portal answered {(int)response.StatusCode} to {path}.";
    }
}
